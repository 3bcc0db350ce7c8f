/**
 * The parts of an abstract that a translation must carry over character for character: LaTeX
 * math and URLs. A dollar sign opens math only when a non-space follows it and closes it only
 * after a non-space, not before a digit (pandoc's rule), so "$5 and $10" is not math.
 */
const SPAN =
  /\$\$[\s\S]+?\$\$|\$(?!\s)[^$]+?(?<!\s)\$(?!\d)|\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]|https?:\/\/[^\s<>"'，。；）】]+/g;

/** A URL ends before the punctuation that ends its sentence. */
const URL_TAIL = /[.,;:!?)\]}'"]+$/;

export interface Span {
  start: number;
  end: number;
  text: string;
  kind: "math" | "url";
}

/** The math and URL spans of a text, in order, never overlapping. */
export function protectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(SPAN)) {
    const start = match.index;
    let found = match[0];
    const kind = found.startsWith("http") ? "url" : "math";
    if (kind === "url") found = found.replace(URL_TAIL, "");
    if (found.length === 0) continue;
    spans.push({ start, end: start + found.length, text: found, kind });
  }
  return spans;
}

/** Spaces do not matter inside math ($O(n)$ = $O( n )$), and Chinese text has none to lose. */
function squash(text: string): string {
  return text.replace(/\s+/g, "");
}

/** The spans of the source that the translation lost, as the source writes them. */
export function lostSpans(source: string, translation: string): Span[] {
  const squashed = squash(translation);
  return protectedSpans(source).filter((span) =>
    span.kind === "url" ? !translation.includes(span.text) : !squashed.includes(squash(span.text)),
  );
}
