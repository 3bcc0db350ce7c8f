import type { Digest } from "../digest/digest";
import type { DigestHtmlTemplate } from "../digest/digest-html-template";
import type { DigestLinks } from "../digest/digest-mail-parts";
import { renderDigestText } from "../digest/render-digest-text";
import { composeDigestMessage } from "./compose-digest-message";
import type { DeliveryLinks } from "./delivery-links";
import type { OutgoingMessage } from "../transport/mail-transport";

/** The links a rendered digest shows, out of one delivery's links. */
export function digestLinksOf(links: DeliveryLinks): DigestLinks {
  return { unsubscribeUrl: links.url, manageUrl: links.manageUrl, webViewUrl: links.webViewUrl };
}

/** One digest rendered as text and HTML and wrapped in a list mail's headers. */
export function digestMessage(
  template: DigestHtmlTemplate,
  input: {
    from: string;
    to: string;
    subject: string;
    digest: Digest;
    deliveryId: number;
    links: DeliveryLinks;
    envelopeFrom?: string;
  },
): OutgoingMessage {
  const links = digestLinksOf(input.links);
  return composeDigestMessage({
    from: input.from,
    to: input.to,
    subject: input.subject,
    text: renderDigestText(input.digest, links),
    html: template.render(input.digest, links),
    editionDate: input.digest.editionDate,
    deliveryId: input.deliveryId,
    unsubscribe: input.links,
    envelopeFrom: input.envelopeFrom,
  });
}
