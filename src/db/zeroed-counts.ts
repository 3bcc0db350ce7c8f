/** A count of 0 for every key, so a state nobody is in still shows (and reads as a number). */
export function zeroedCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}
