/**
 * How far abstracts are shortened when a digest would pass its size budget: each step allows
 * fewer characters of English abstract; Chinese, about three bytes a character and denser,
 * gets 40 % as many. A fixed ladder keeps the number of distinct renderings of a paper small.
 */
export const SHORTENING_STEPS: readonly number[] = [900, 650, 450, 300, 200, 120, 60, 0];

/** Characters of Chinese abstract allowed at a step that allows `englishChars` of English. */
export function chineseCharsFor(englishChars: number): number {
  return Math.round(englishChars * 0.4);
}

/**
 * `text` cut to at most `maxChars` characters, at a word boundary where the text has spaces,
 * with "…" added; undefined when it already fits.
 */
export function shortenText(text: string, maxChars: number): string | undefined {
  if (text.length <= maxChars) return undefined;
  if (maxChars <= 0) return "";
  let cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(" ");
  if (space > maxChars * 0.6) cut = cut.slice(0, space);
  // Do not leave a lone surrogate, an open bracket or trailing punctuation before the ellipsis.
  cut = cut.replace(/[\uD800-\uDBFF]$/, "").replace(/[\s,;:，；：、(（[-]+$/u, "");
  return `${cut}…`;
}
