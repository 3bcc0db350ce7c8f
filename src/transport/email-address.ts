import { InputError } from "../errors";
import { controlCharacterIn } from "./control-characters";

const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART = 64;
/** Letters, digits and the punctuation RFC 5322 allows unquoted in a local part. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/**
 * Validates and normalises an address (trimmed; domain and local part lower-cased, as nearly
 * every provider treats them). Quoted local parts and IP-literal domains are refused: no real
 * subscriber uses them, and they are a common vehicle for header tricks.
 */
export function normalizeEmail(raw: string): string {
  const email = raw.trim();
  const control = controlCharacterIn(email);
  // Not echoed: a terminal would act on a CR, an escape or a bidi control in it.
  if (control) throw new InputError(`the email address contains a control character (${control})`);
  const problem = emailProblem(email);
  if (problem)
    throw new InputError(
      `${JSON.stringify(email.slice(0, 80))} is not a valid email address: ${problem}`,
    );
  return email.toLowerCase();
}

/** The bare address of a mailbox written `Name <addr@host>` or `addr@host` (e.g. MAIL_FROM). */
export function mailboxAddress(mailbox: string): string {
  return /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox;
}

function emailProblem(email: string): string | undefined {
  if (email.length === 0) return "it is empty";
  if (email.length > MAX_EMAIL_LENGTH) return `it is longer than ${MAX_EMAIL_LENGTH} characters`;
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return "it needs a name, an @ and a domain";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > MAX_LOCAL_PART)
    return `the part before @ is longer than ${MAX_LOCAL_PART} characters`;
  if (!LOCAL_PART.test(local)) return "the part before @ has characters that are not allowed";
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return "the domain is not a valid host name";
  }
  if (/^\d+$/.test(labels.at(-1) ?? "")) return "an IP address is not accepted as the domain";
  return undefined;
}
