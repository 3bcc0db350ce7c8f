import { mailboxAddress } from "../transport/email-address";
/**
 * The links one digest carries. Every one is keyed by `<delivery>.<token>`: the token is random,
 * only ever seen in that message, stored hashed on the delivery, and proves who is asking.
 */
export interface DeliveryLinks {
  /** `PUBLIC_URL/unsubscribe/<key>`: a page with one button; a POST there leaves (RFC 8058). */
  url: string;
  /** `mailto:` the sender with subject "unsubscribe", for clients that prefer mail. */
  mailto: string;
  /** `PUBLIC_URL/manage/<key>`: the subscriber's keywords and settings. */
  manageUrl: string;
  /** `PUBLIC_URL/digest/<edition>/<key>`: this digest as a web page ("view in browser"). */
  webViewUrl: string;
}

/** The links for one delivery; the token is the raw one, only ever seen in the message. */
export function deliveryLinks(
  publicUrl: string,
  mailFrom: string,
  delivery: { id: number; editionDate: string },
  token: string,
): DeliveryLinks {
  const address = mailboxAddress(mailFrom);
  const key = `${delivery.id}.${token}`;
  return {
    url: `${publicUrl}/unsubscribe/${key}`,
    mailto: `mailto:${address}?subject=unsubscribe`,
    manageUrl: `${publicUrl}/manage/${key}`,
    webViewUrl: `${publicUrl}/digest/${delivery.editionDate}/${key}`,
  };
}

/** Splits `<delivery>.<token>` from a link; undefined when it cannot be one of ours. */
export function parseDeliveryKey(key: string): { deliveryId: number; token: string } | undefined {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{20,100})$/.exec(key);
  if (!match) return undefined;
  return { deliveryId: Number(match[1]), token: match[2] as string };
}
