import type { OutgoingMessage } from "../transport/mail-transport";
import { senderDomain, stripLineBreaks } from "../transport/message-headers";
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
  /** The delivery's VERP bounce address (MAIL_BOUNCE_ADDRESS), when one is set. */
  envelopeFrom?: string;
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
    envelopeFrom: input.envelopeFrom,
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
