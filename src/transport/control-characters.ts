/* eslint-disable no-control-regex -- matching control characters is this file's job */
import { InputError, type Wording } from "../errors";

/**
 * Characters no address, keyword query or setting has a use for: C0 and C1 controls (NUL among
 * them: PostgreSQL refuses it in text, SQLite stores it and mails it) and the bidirectional
 * controls that make text read differently from what it is (U+202E).
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The same without tab, for one-line text whose tabs are folded into spaces (pasted queries). */
const CONTROL_BUT_SPACING =
  /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Every control character, for text already stored that is shown in a mail. */
const EVERY_CONTROL = new RegExp(CONTROL.source, "gu");

/**
 * The first control character's code point as `U+000D`, or undefined when there is none.
 * `spacing: "folded"` lets tabs through, for a caller that folds them into spaces.
 */
export function controlCharacterIn(
  text: string,
  spacing: "refused" | "folded" = "refused",
): string | undefined {
  const found = (spacing === "folded" ? CONTROL_BUT_SPACING : CONTROL).exec(text)?.[0];
  return found === undefined
    ? undefined
    : `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Throws an InputError naming `what` and the character's code point, never echoing the text (a
 * terminal or a log would act on what it carries).
 */
export function refuseControlCharacters(
  text: string,
  [whatZh, what]: Wording,
  spacing: "refused" | "folded" = "refused",
): void {
  const found = controlCharacterIn(text, spacing);
  if (found) {
    throw new InputError(
      `${what} contains a control character (${found}); remove it`,
      `${whatZh}里有控制字符（${found}），请删除`,
    );
  }
}

/** Text with every control and bidirectional control removed (text shown in a mail). */
export function withoutControlCharacters(text: string): string {
  return text.replace(EVERY_CONTROL, "");
}

/** Text with every control character written as `\u000d`, safe to print on a terminal. */
export function printable(text: string): string {
  return text.replace(
    EVERY_CONTROL,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}
