import type { DigestHtmlTemplate } from "../digest/digest-html-template";
import type { SubscriberStore } from "../subscribers/subscriber";
import type { MailTransport } from "../transport/mail-transport";
import type { DeliveryStore } from "./delivery";
import type { DeliveryLinks } from "./delivery-links";
import type { SendPolicy } from "./send-policy";

/** What sending an edition's digests uses: the outbox, the transport, the template, the policy. */
export interface SendDeps {
  deliveries: DeliveryStore;
  subscribers: Pick<SubscriberStore, "recordHardBounce" | "clearHardBounces">;
  transport: MailTransport;
  template: DigestHtmlTemplate;
  policy: SendPolicy;
  mailFrom: string;
  /** The unsubscribe links of one delivery, given the raw token of its link. */
  linksFor: (deliveryId: number, token: string) => DeliveryLinks;
  maxPapers: number;
  /** The VERP envelope sender of one delivery; absent without MAIL_BOUNCE_ADDRESS. */
  bounceAddress?: (deliveryId: number) => string;
  now: () => Date;
}
