import type { OutgoingMessage } from "./mail-transport";
import { mailboxAddress } from "../subscribers/email-address";
import type { DeliveryLinks } from "./delivery-links";

export interface DigestMessageInput {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  editionDate: string;
  deliveryId: number;
  unsubscribe: Pick<DeliveryLinks, "url" | "mailto">;
}

/** The domain part of MAIL_FROM, for Message-ID and List-Id. */
export function senderDomain(from: string): string {
  const address = mailboxAddress(from).trim();
  const at = address.lastIndexOf("@");
  return at > 0 ? address.slice(at + 1) : "localhost";
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
    // RFC 8058: with List-Unsubscribe-Post, a mail client may unsubscribe with one POST to the
    // https link, no page and no cookie; the mailto link serves clients that only mail. Both go in
    // one header (nodemailer's `list` option would write two, and receivers read only the first).
    headers: {
      "Auto-Submitted": "auto-generated",
      Precedence: "bulk",
      "List-Unsubscribe": `<${stripLineBreaks(input.unsubscribe.url)}>, <${stripLineBreaks(input.unsubscribe.mailto)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    list: {
      id: { url: `digest.${domain}`, comment: "arXiv digest" },
    },
  };
}

/** Anything that reaches a header loses CR/LF (header injection). */
export function stripLineBreaks(value: string): string {
  return value.replace(/[\r\n]+/g, " ");
}
