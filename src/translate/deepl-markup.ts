import type { Glossary } from "./glossary";
import { protectedSpans } from "./protected-spans";

/** The tag DeepL is told to leave alone (`ignore_tags`): what is inside comes back as sent. */
export const KEEP_TAG = "x";

interface Piece {
  start: number;
  end: number;
  /** What goes inside the tag. */
  kept: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Prepares one text for DeepL with `tag_handling=xml`: math and URLs are wrapped in <x>…</x> so
 * they come back verbatim, and each glossary term is replaced by its Chinese inside <x>…</x>, so
 * DeepL cannot render it any other way (DeepL takes no per-request glossary without creating one
 * through its API first). Everything else is XML-escaped.
 */
export function protectForDeepL(text: string, glossary: Glossary): string {
  const pieces: Piece[] = protectedSpans(text).map((s) => ({ ...s, kept: s.text }));
  const terms = [...glossary.termsIn(text)].sort((a, b) => b.en.length - a.en.length);
  for (const term of terms) {
    for (const match of text.matchAll(glossary.everywhere(term))) {
      const start = match.index;
      const end = start + match[0].length;
      if (pieces.some((p) => start < p.end && end > p.start)) continue;
      pieces.push({ start, end, kept: term.zh });
    }
  }
  pieces.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const piece of pieces) {
    out += `${escapeXml(text.slice(at, piece.start))}<${KEEP_TAG}>${escapeXml(piece.kept)}</${KEEP_TAG}>`;
    at = piece.end;
  }
  return out + escapeXml(text.slice(at));
}

/** Chinese characters and punctuation: no space belongs between two of them. */
const CJK = "[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]";
const SPACE_IN_CJK = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, "gu");

/** Undoes protectForDeepL on DeepL's answer: tags dropped, entities decoded, stray spaces gone. */
export function unprotectFromDeepL(text: string): string {
  return text
    .replace(new RegExp(`</?${KEEP_TAG}>`, "g"), "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(SPACE_IN_CJK, "");
}
