/** A mail's header fields by lower-case name, raw values in order (several for repeated ones). */
export type RawHeaders = ReadonlyMap<string, readonly string[]>;

// Senders that are machines by name: a bounce or a no-reply address never reads an answer.
const MACHINE_SENDER = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i;

/**
 * Why a mail was written by a machine, or undefined when it looks like a person's. Answering a
 * machine risks a mail loop (two auto-responders answering each other forever), so such mails are
 * never answered: RFC 3834's Auto-Submitted, Precedence bulk/list/junk, a bounce (empty
 * Return-Path, a delivery report), mailing-list traffic (List-Id, List-Unsubscribe), and the
 * vendor auto-reply markers seen in the wild.
 */
export function automaticMailReason(headers: RawHeaders, sender?: string): string | undefined {
  const first = (name: string) => headers.get(name)?.[0]?.trim();
  const autoSubmitted = first("auto-submitted");
  if (autoSubmitted !== undefined && !/^no\b/i.test(autoSubmitted)) {
    return `Auto-Submitted: ${autoSubmitted}`;
  }
  const precedence = first("precedence");
  if (precedence !== undefined && /^(bulk|list|junk|auto_reply)\b/i.test(precedence)) {
    return `Precedence: ${precedence}`;
  }
  const returnPath = first("return-path");
  if (returnPath !== undefined && /^<?\s*>?$/.test(returnPath))
    return "empty Return-Path (a bounce)";
  if (/^multipart\/report\b/i.test(first("content-type") ?? "")) return "a delivery or read report";
  for (const name of ["list-id", "list-unsubscribe", "list-post"]) {
    if (headers.has(name)) return `mailing-list mail (${name})`;
  }
  for (const name of ["x-autoreply", "x-autorespond", "x-auto-reply"]) {
    if (headers.has(name)) return `an auto-reply (${name})`;
  }
  if (sender !== undefined && MACHINE_SENDER.test(sender)) return `sent by ${sender}`;
  return undefined;
}
