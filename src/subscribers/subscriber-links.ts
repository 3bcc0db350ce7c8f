/**
 * Links mailed to a subscriber (not tied to one digest): the confirmation link of a request to
 * subscribe, and a manage link for someone who lost theirs. Keyed `<subscriber>.<token>`; the
 * manage key carries an `m` so it cannot be mistaken for a digest's `<delivery>.<token>` key,
 * which opens the same manage page.
 */
export interface LinkKey {
  /** True for `m<subscriber>.<token>` (a mailed manage link). */
  manage: boolean;
  /** The subscriber (confirm and manage links) or the delivery (digest links). */
  id: number;
  token: string;
}

const KEY = /^(m?)(\d{1,12})\.([A-Za-z0-9_-]{20,100})$/;

/** The confirmation page of a request: `PUBLIC_URL/confirm/<subscriber>.<token>`. */
export function confirmUrl(publicUrl: string, subscriberId: number, token: string): string {
  return `${publicUrl}/confirm/${subscriberId}.${token}`;
}

/** The manage page through a mailed manage link: `PUBLIC_URL/manage/m<subscriber>.<token>`. */
export function manageUrl(publicUrl: string, subscriberId: number, token: string): string {
  return `${publicUrl}/manage/${manageKey(subscriberId, token)}`;
}

export function manageKey(subscriberId: number, token: string): string {
  return `m${subscriberId}.${token}`;
}

/** Reads a key from a link; undefined when it cannot be one of ours. */
export function parseLinkKey(key: string): LinkKey | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  return { manage: match[1] === "m", id: Number(match[2]), token: match[3] as string };
}

/** A link key's token: `<id>.<token>` or `m<id>.<token>` anywhere in a text (a URL, a log line). */
const KEY_IN_TEXT = /\b(m?\d{1,12}\.)[A-Za-z0-9_-]{20,100}/g;

/**
 * The text with every link key's token replaced by `***` (`/unsubscribe/12.***`): a token in a
 * log is a key to someone's subscription.
 */
export function redactLinkKeys(text: string): string {
  return text.replace(KEY_IN_TEXT, "$1***");
}
