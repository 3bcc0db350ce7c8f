import he from "he";

/** How a matched term is marked; the dark-mode rule in emails/digest.mjml recolours `mark`. */
const MARK_OPEN = '<mark style="background:#fff1a8;color:#1f2328">';
const MARK_CLOSE = "</mark>";

/** Not next to a Latin letter or digit: "RL" is found in "RL-based" and "强化学习RL", not in "URL". */
const BEFORE = "(?<![A-Za-z0-9\\u00C0-\\u024F])";
const AFTER = "(?![A-Za-z0-9\\u00C0-\\u024F])";

const patterns = new Map<string, RegExp | undefined>();

/**
 * Escapes text for HTML, the only way feed text may reach a digest's markup. Mustache's own
 * escape is not used: it also escapes "/" and "=", turning every link into entity soup that some
 * mail clients' link checkers do not decode.
 */
export function escapeHtml(value: unknown): string {
  const text = String(value);
  // Most values (links, dates, counts) have nothing to escape: test before building a copy.
  return NEEDS_ESCAPE.test(text) ? he.escape(text) : text;
}

/** What he.escape replaces. */
const NEEDS_ESCAPE = /["&'<>`]/;

/**
 * `text` as HTML: escaped, with every whole-word, case-insensitive occurrence of `terms` wrapped in
 * <mark>. The text is split on the raw string and each piece escaped, so no term can reach into
 * an entity or a tag.
 */
export function highlightHtml(text: string, terms: readonly string[] | undefined): string {
  const pattern = terms && terms.length > 0 ? patternFor(terms) : undefined;
  if (!pattern) return he.escape(text);
  let html = "";
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    html += `${he.escape(text.slice(from, at))}${MARK_OPEN}${he.escape(match[0])}${MARK_CLOSE}`;
    from = at + match[0].length;
  }
  return html + he.escape(text.slice(from));
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
