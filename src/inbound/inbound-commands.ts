import type { ChineseVariant } from "../subscribers/subscriber";

/**
 * What the mailbox poller asks of the subscription lifecycle. The subscription service
 * implements it (double opt-in lives there only); tests may pass a fake. Each call must be
 * idempotent: a mail whose answer went out but whose flag did not is handled again at the next
 * poll (see README.md in this folder). An InputError thrown here is answered to the sender.
 */
export interface InboundCommands {
  /** Starts the double opt-in for `email` (or mails an active address its manage link). */
  subscribe(email: string, queries: readonly string[], language: ChineseVariant): Promise<void>;
  /** Stops every digest to `email`; an address that is not subscribed is not an error. */
  unsubscribe(email: string): Promise<void>;
  /** Replaces the keyword list of a subscribed address. */
  replaceKeywords(
    email: string,
    queries: readonly string[],
  ): Promise<"replaced" | "not-subscribed">;
}
