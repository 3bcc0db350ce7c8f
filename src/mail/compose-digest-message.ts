import type { OutgoingMessage } from "./mail-transport";

export interface DigestMessageInput {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  editionDate: string;
  deliveryId: number;
  unsubscribeUrl: string;
}

/** The domain part of MAIL_FROM, for Message-ID and List-Id. */
export function senderDomain(from: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(from);
  return match?.[1] ?? "localhost";
}

/**
 * Wraps a rendered digest in the headers a list mail should carry. The Message-ID is derived
 * from the delivery, so any resend of the same digest carries the same id and receivers can
 * drop the duplicate.
 */
export function composeDigestMessage(input: DigestMessageInput): OutgoingMessage {
  const domain = senderDomain(input.from);
  return {
    from: input.from,
    to: input.to,
    subject: stripLineBreaks(input.subject),
    text: input.text,
    html: input.html,
    messageId: `<digest.${input.editionDate}.${input.deliveryId}@${domain}>`,
    headers: { "Auto-Submitted": "auto-generated", Precedence: "bulk" },
    list: {
      id: { url: `digest.${domain}`, comment: "arXiv digest" },
      unsubscribe: input.unsubscribeUrl,
    },
  };
}

/** Anything that reaches a header loses CR/LF (header injection). */
export function stripLineBreaks(value: string): string {
  return value.replace(/[\r\n]+/g, " ");
}
