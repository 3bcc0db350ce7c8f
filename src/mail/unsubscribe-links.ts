/** Where a digest sends someone who wants to leave: a one-click page, and a mail to us. */
export interface UnsubscribeLinks {
  /** `PUBLIC_URL/unsubscribe/<delivery>.<token>`: a page with one button; a POST there leaves. */
  url: string;
  /** `mailto:` the sender with subject "unsubscribe", for clients that prefer mail. */
  mailto: string;
}

/** The links for one delivery; the token is the raw one, only ever seen in the message. */
export function unsubscribeLinks(
  publicUrl: string,
  mailFrom: string,
  deliveryId: number,
  token: string,
): UnsubscribeLinks {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return {
    url: `${publicUrl}/unsubscribe/${deliveryId}.${token}`,
    mailto: `mailto:${address}?subject=unsubscribe`,
  };
}

/** Splits `<delivery>.<token>` from a link; undefined when it cannot be one of ours. */
export function parseUnsubscribeKey(
  key: string,
): { deliveryId: number; token: string } | undefined {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{20,100})$/.exec(key);
  if (!match) return undefined;
  return { deliveryId: Number(match[1]), token: match[2] as string };
}
