import { mailboxAddress } from "./email-address";

/** The domain part of MAIL_FROM, for Message-ID and List-Id. */
export function senderDomain(from: string): string {
  const address = mailboxAddress(from).trim();
  const at = address.lastIndexOf("@");
  return at > 0 ? address.slice(at + 1) : "localhost";
}

/** Anything that reaches a header loses CR/LF (header injection). */
export function stripLineBreaks(value: string): string {
  return value.replace(/[\r\n]+/g, " ");
}
