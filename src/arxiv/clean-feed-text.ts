import he from "he";

/**
 * Turning arXiv's feed text into plain text. The XML parser has already undone one level of
 * escaping; what is left is arXiv's own habits (see the captures README): entities escaped a second
 * time, an "Announce Type" header glued to every abstract, hard line breaks, TeX accents in names
 * and, rarely, Windows-1252 mojibake. LaTeX in titles and abstracts is deliberately left as the
 * authors wrote it: it is content, and the digest renders it as text.
 */

// Only complete references ("&plusmn;", "&#233;") are decoded: he's lenient mode would also turn
// the "&not" of a text like "x&not y" into "¬", and a paper's text is never meant to hold an entity.
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
const ENTITY_TEST = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

// C0/C1 controls other than whitespace cannot be shown and must never reach a mail header.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

// UTF-8 read as Windows-1252 and re-encoded: the only non-ASCII arXiv's RSS has emitted ("â€“").
// "â€" followed by one of these never occurs in real text, so the repair cannot hurt.
const MOJIBAKE: ReadonlyArray<readonly [string, string]> = [
  ["â€“", "–"],
  ["â€”", "—"],
  ["â€™", "’"],
  ["â€˜", "‘"],
  ["â€œ", "“"],
  ["â€\u009d", "”"],
  ["â€¦", "…"],
  ["â€¢", "•"],
];

const ANNOUNCE_PREFIX = /^\s*arXiv:\S+\s+Announce Type:\s*\S+\s*(?:Abstract:\s*)?/;

/**
 * Decodes HTML character references left in feed text after XML parsing, including arXiv's
 * double-escaped ones ("&amp;plusmn;" in the XML is "&plusmn;" here, and becomes "±"). A few passes
 * at most: each pass undoes one level of escaping, and the count is bounded so input cannot loop.
 */
export function decodeEntities(text: string): string {
  let out = text;
  for (let pass = 0; pass < 3 && ENTITY_TEST.test(out); pass++) {
    const next = out.replace(ENTITY, (ref) => he.decode(ref));
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Repairs the Windows-1252 mojibake arXiv occasionally emits ("pages 4083â€“4092"). */
export function repairMojibake(text: string): string {
  if (!text.includes("â€")) return text;
  let out = text;
  for (const [bad, good] of MOJIBAKE) out = out.split(bad).join(good);
  return out;
}

/**
 * Whitespace of any kind (line breaks, tabs, runs of spaces) becomes one space, and invisible
 * control characters go: feed text is shown on one line and may end up in a mail header.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** Cuts text to at most `max` characters, marking the cut with "…" and never splitting a surrogate pair. */
export function boundLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Any short piece of feed text (title, journal reference, DOI) as one clean line. */
export function cleanFeedText(raw: string): string {
  return collapseWhitespace(repairMojibake(decodeEntities(raw)));
}

/** A paper title as plain text on one line: entities decoded, line breaks gone, LaTeX kept. */
export function cleanTitle(raw: string): string {
  return cleanFeedText(raw);
}

/**
 * An abstract as plain text: without the "arXiv:… Announce Type: … Abstract:" header that the
 * current feeds put in front of it, entities decoded, and paragraphs and hard line breaks joined
 * into one line (the digest shows abstracts as one paragraph). LaTeX and literal "<eos>"-style
 * text are kept: they are the abstract's words, so the result must be escaped wherever it is shown.
 */
export function cleanAbstract(raw: string): string {
  return cleanFeedText(raw.replace(ANNOUNCE_PREFIX, ""));
}

// TeX accent commands → Unicode combining marks; the letter plus mark is composed with NFC.
const SYMBOL_ACCENTS: Readonly<Record<string, string>> = {
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  '"': "\u0308",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
};
const LETTER_ACCENTS: Readonly<Record<string, string>> = {
  u: "\u0306",
  v: "\u030c",
  H: "\u030b",
  c: "\u0327",
  k: "\u0328",
  r: "\u030a",
  d: "\u0323",
  b: "\u0331",
};
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ss: "ß",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  aa: "å",
  AA: "Å",
  i: "ı",
  j: "ȷ",
  l: "ł",
  L: "Ł",
  o: "ø",
  O: "Ø",
};

// \'e  \'{e}  \'{\i}  \'\i rez   (a symbol command may touch its letter; \i eats one space)
const SYMBOL_ACCENT =
  /\\(['`^"~=.])\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij](?![A-Za-z]) ?|[A-Za-z]))/g;
// \v{s}  \c c   (a letter command needs braces or a space before its letter)
const LETTER_ACCENT = /\\([uvHckrdb])(?:\s*\{\s*(\\[ij]|[A-Za-z])\s*\}|\s+([A-Za-z]))/g;
// {\ss}  \ss{}  \o gelmose  \L ukasz
const SPECIAL_LETTER = /\\(ss|ae|AE|oe|OE|aa|AA|[ijlLoO])(?![A-Za-z])(?:\{\}| (?=[A-Za-z]))?/g;
const ESCAPED_SYMBOL = /\\([&_%$#])/g;

function accented(base: string, mark: string | undefined): string {
  const bare = base.trim();
  const letter = bare === "\\i" ? "i" : bare === "\\j" ? "j" : bare;
  return mark === undefined ? letter : letter + mark;
}

/**
 * Turns the TeX accents arXiv keeps in author names into letters: `Link\"oping` → "Linköping",
 * `Puyol-Ant\'on` → "Puyol-Antón", `\v{S}kv` → "Škv", `{\ss}` → "ß", `R\&D` → "R&D". Braces left
 * around a single letter (`{\o}`) are dropped. Unknown commands stay as written rather than being
 * guessed at.
 */
export function decodeTexAccents(text: string): string {
  if (!text.includes("\\")) return text;
  const out = text
    .replace(SYMBOL_ACCENT, (_m, cmd: string, braced?: string, bare?: string) =>
      accented(braced ?? bare ?? "", SYMBOL_ACCENTS[cmd]),
    )
    .replace(LETTER_ACCENT, (_m, cmd: string, braced?: string, bare?: string) =>
      accented(braced ?? bare ?? "", LETTER_ACCENTS[cmd]),
    )
    .replace(SPECIAL_LETTER, (_m, name: string) => SPECIAL_LETTERS[name] ?? name)
    .replace(ESCAPED_SYMBOL, "$1")
    .normalize("NFC");
  return out.replace(/\{([^{}\\])\}/gu, "$1").replace(/\{\}/g, "");
}
