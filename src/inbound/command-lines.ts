/** One line of a command mail's body that may hold a keyword query, numbered as in the body. */
export interface CommandLine {
  /** 1-based line number in the body as read (the plain-text part, or the text of the HTML). */
  number: number;
  text: string;
}

/** Lines read at most: a command is a few lines; the rest of a long body is quoted history. */
export const MAX_BODY_LINES = 200;

// Where the person's own words end: a signature, a forwarded or Outlook-quoted original, or the
// footer a phone adds. Everything below one of these is not a command.
const END_OF_COMMAND = [
  /^--\s*$/, // RFC 3676 signature separator ("-- "), also seen without its space
  /^_{10,}\s*$/, // Outlook's rule above the quoted original
  /^-{3,}\s*(original message|forwarded message|原始邮件|原始郵件|转发的邮件|轉寄的郵件)/i,
  /^(sent from my|get outlook for|发自我的|發自我的|从我的.+发送|從我的.+傳送)/i,
];

// Quoted text and the attribution line above it ("On … wrote:", "… 写道："): skipped, not an end,
// so a reply written below the quote still counts.
const QUOTED = [/^>/, /(wrote|écrit|schrieb|写道|寫道)\s*[:：]\s*$/i];

// Invisible characters some clients sprinkle into text (BOM, zero-width spaces and joiners).
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The lines of a command mail's body that can be keyword queries: blank lines, quoted text and
 * attribution lines are skipped; reading stops at a signature or a quoted original, and after
 * MAX_BODY_LINES lines.
 */
export function commandLines(body: string): CommandLine[] {
  const lines = body.replace(INVISIBLE, "").split(/\r?\n/, MAX_BODY_LINES);
  const kept: CommandLine[] = [];
  for (const [index, raw] of lines.entries()) {
    const text = raw.trim();
    if (END_OF_COMMAND.some((pattern) => pattern.test(text))) break;
    if (text === "" || QUOTED.some((pattern) => pattern.test(text))) continue;
    kept.push({ number: index + 1, text });
  }
  return kept;
}
