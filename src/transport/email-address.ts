import { InputError, type Wording } from "../errors";
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
  if (control) {
    throw new InputError(
      `the email address contains a control character (${control})`,
      `邮箱地址里有控制字符（${control}）`,
    );
  }
  const problem = emailProblem(email);
  if (problem) {
    const quoted = JSON.stringify(email.slice(0, 80));
    throw new InputError(
      `${quoted} is not a valid email address: ${problem[1]}`,
      `${quoted} 不是有效的邮箱地址：${problem[0]}`,
    );
  }
  return email.toLowerCase();
}

/** The bare address of a mailbox written `Name <addr@host>` or `addr@host` (e.g. MAIL_FROM). */
export function mailboxAddress(mailbox: string): string {
  return /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox;
}

/** What is wrong with an address, in Chinese and English; undefined when nothing is. */
function emailProblem(email: string): Wording | undefined {
  if (email.length === 0) return ["地址是空的", "it is empty"];
  if (email.length > MAX_EMAIL_LENGTH) {
    return [`超过 ${MAX_EMAIL_LENGTH} 个字符`, `it is longer than ${MAX_EMAIL_LENGTH} characters`];
  }
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) {
    return ["需要名字、@ 和域名", "it needs a name, an @ and a domain"];
  }
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > MAX_LOCAL_PART) {
    return [
      `@ 前面的部分超过 ${MAX_LOCAL_PART} 个字符`,
      `the part before @ is longer than ${MAX_LOCAL_PART} characters`,
    ];
  }
  if (!LOCAL_PART.test(local)) {
    return ["@ 前面的部分有不允许的字符", "the part before @ has characters that are not allowed"];
  }
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return ["域名不是有效的主机名", "the domain is not a valid host name"];
  }
  if (/^\d+$/.test(labels.at(-1) ?? "")) {
    return ["不接受 IP 地址作为域名", "an IP address is not accepted as the domain"];
  }
  return undefined;
}
