import he from "he";

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
