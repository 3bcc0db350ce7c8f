import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { InputError, messageOf } from "../errors";
import { normalizeEmail } from "../transport/email-address";
import { automaticMailReason, type RawHeaders } from "./automatic-mail";

/** Bytes of a mail that are read; a command needs a few hundred, a longer mail is cut here. */
export const MAX_COMMAND_MAIL_BYTES = 256 * 1024;
/** Characters of body text kept for reading commands (after HTML is turned into text). */
const MAX_BODY_CHARS = 32 * 1024;
const MAX_SUBJECT_CHARS = 200;

/** What the poller needs of one received mail, read from its source. */
export interface CommandMail {
  /** The one From address, normalised; the only address ever answered. */
  sender?: string;
  messageId?: string;
  subject: string;
  /** The plain-text part, or the text of the HTML part when there is no plain one. */
  text: string;
  /** The mail was longer than MAX_COMMAND_MAIL_BYTES and only its start was read. */
  truncated: boolean;
  /** Why this mail must not be acted on or answered at all. */
  ignoreReason?: string;
  /**
   * Why this mail looks written by a machine (auto-reply, bounce, list). It is never answered,
   * and the only command carried out is unsubscribe: a mail provider sending the digest's
   * List-Unsubscribe mailto for a person may well mark it auto-generated.
   */
  machine?: string;
}

/**
 * Parses a received mail (mailparser: MIME, charsets, HTML to text). Never throws on a bad mail:
 * what cannot be answered safely comes back with an `ignoreReason`.
 */
export async function readCommandMail(
  source: Buffer,
  options: { truncated: boolean; ownAddress: string },
): Promise<CommandMail> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: MAX_COMMAND_MAIL_BYTES,
    });
  } catch (error) {
    // A mail that cannot be parsed cannot be answered safely; it must not block the ones after it.
    const reason = `unreadable: ${messageOf(error)}`;
    return { subject: "", text: "", truncated: options.truncated, ignoreReason: reason };
  }
  const from = soleAddress(parsed.from);
  const mail: CommandMail = {
    sender: from.address,
    messageId: parsed.messageId?.slice(0, 250),
    subject: (parsed.subject ?? "").slice(0, MAX_SUBJECT_CHARS),
    text: (parsed.text ?? "").slice(0, MAX_BODY_CHARS),
    truncated: options.truncated,
  };
  const headers = rawHeaders(parsed.headerLines);
  const reason =
    from.problem ??
    forgedFromReason(headers) ??
    (from.address === options.ownAddress ? "sent from this service's own address" : undefined);
  if (reason !== undefined) return { ...mail, ignoreReason: reason };
  const machine = automaticMailReason(headers, from.address);
  return machine === undefined ? mail : { ...mail, machine };
}

/**
 * Anyone can write any From. When the receiving server checked it and found it forged (DMARC
 * fail, in the topmost Authentication-Results, which is that server's own, RFC 8601), the mail
 * is not acted on: it could unsubscribe or re-key someone else, and its answer would go to them.
 */
function forgedFromReason(headers: RawHeaders): string | undefined {
  const verdict = headers.get("authentication-results")?.[0];
  return verdict !== undefined && /\bdmarc=fail\b/i.test(verdict)
    ? "the receiving server found the From address forged (dmarc=fail)"
    : undefined;
}

/** The From address when there is exactly one valid one; otherwise why there is none to answer. */
function soleAddress(from: AddressObject | undefined): { address?: string; problem?: string } {
  const entries = from?.value ?? [];
  const first = entries[0];
  if (entries.length !== 1 || !first?.address || first.group) {
    return { problem: "From is not exactly one address" };
  }
  try {
    return { address: normalizeEmail(first.address) };
  } catch (error) {
    if (error instanceof InputError) return { problem: `From: ${error.message}` };
    throw error;
  }
}

function rawHeaders(lines: readonly { key: string; line: string }[]): RawHeaders {
  const headers = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ");
    headers.set(key, [...(headers.get(key) ?? []), value.trim()]);
  }
  return headers;
}
