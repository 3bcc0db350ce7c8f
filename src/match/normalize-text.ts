/**
 * Folds text for matching: lower case, accents removed, every run of non-letters/digits one
 * space, padded with spaces so a phrase can be found on word boundaries with one `includes`.
 * "Model-based RL" → " model based rl "; "Schölkopf" → " scholkopf ".
 */
export function normalizeForMatch(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return ` ${folded} `;
}
