/** One measured figure, printed as `name: value unit`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget (docs/architecture.md, "Performance budgets"), when there is one. */
  budget?: string;
}

/** Runs `body` until `minMs` have passed (at least once) and returns operations per second. */
export async function ratePerSecond(
  body: () => unknown | Promise<unknown>,
  minMs = 2000,
): Promise<number> {
  let count = 0;
  const start = performance.now();
  while (count === 0 || performance.now() - start < minMs) {
    await body();
    count += 1;
  }
  return count / ((performance.now() - start) / 1000);
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
