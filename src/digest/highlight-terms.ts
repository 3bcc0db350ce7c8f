import { escapeHtml } from "./escape-html";

/** How a matched term is marked; the dark-mode rule in emails/digest.mjml recolours `mark`. */
const MARK_OPEN = '<mark style="background:#fff1a8;color:#1f2328">';
const MARK_CLOSE = "</mark>";

/** Not next to a Latin letter or digit: "RL" is found in "RL-based" and "强化学习RL", not in "URL". */
const BEFORE = "(?<![A-Za-z0-9\\u00C0-\\u024F])";
const AFTER = "(?![A-Za-z0-9\\u00C0-\\u024F])";

const patterns = new Map<string, RegExp | undefined>();

/**
 * `text` as HTML: escaped, with every whole-word, case-insensitive occurrence of `terms` wrapped in
 * <mark>. The text is split on the raw string and each piece escaped, so no term can reach into
 * an entity or a tag.
 */
export function highlightHtml(text: string, terms: readonly string[] | undefined): string {
  const pattern = terms && terms.length > 0 ? patternFor(terms) : undefined;
  if (!pattern) return escapeHtml(text);
  let html = "";
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    html += `${escapeHtml(text.slice(from, at))}${MARK_OPEN}${escapeHtml(match[0])}${MARK_CLOSE}`;
    from = at + match[0].length;
  }
  return html + escapeHtml(text.slice(from));
}

/** One regular expression per term set, longest term first so "diffusion policy" beats "policy". */
function patternFor(terms: readonly string[]): RegExp | undefined {
  const key = terms.join("\u0001");
  if (patterns.has(key)) return patterns.get(key);
  const alternatives = [...new Set(terms.map((t) => t.trim()).filter((t) => t !== ""))]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  const pattern =
    alternatives.length > 0
      ? new RegExp(`${BEFORE}(?:${alternatives.join("|")})${AFTER}`, "giu")
      : undefined;
  if (patterns.size >= 10_000) patterns.clear();
  patterns.set(key, pattern);
  return pattern;
}
