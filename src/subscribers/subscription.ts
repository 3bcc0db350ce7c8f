import type { ChineseVariant, Subscriber, SubscriberStatus } from "./subscriber";

/** A subscriber with the hashes its links are checked against. */
export interface SubscriberWithTokens {
  subscriber: Subscriber;
  confirmTokenHash: string | null;
  confirmTokenExpiresAt: Date | null;
  manageTokenHash: string | null;
}

/** A request to subscribe, stored as a pending subscriber until the link in the mail is used. */
interface PendingRequest {
  email: string;
  keywords: readonly string[];
  language: ChineseVariant;
  timeZone: string;
  now: Date;
}

interface SubscriberSettings {
  language?: ChineseVariant;
  timeZone?: string;
}

/**
 * What the subscription pages and mails need from the database beyond `SubscriberStore`:
 * tokens, the per-address mail limit, requests that expire, settings and keyword edits.
 */
export interface SubscriptionStore {
  findWithTokens(id: number): Promise<SubscriberWithTokens | null>;
  findWithTokensByEmail(email: string): Promise<SubscriberWithTokens | null>;
  /**
   * Creates the address as pending, or turns an address that is not subscribed (pending, left,
   * bounced) pending again with these keywords. Active and paused subscribers are not touched.
   */
  savePending(request: PendingRequest): Promise<Subscriber>;
  /**
   * Takes the address's one link mail for the hour: true (and the time recorded) when none went
   * out since `notSince`. A conditional update, so two requests at once cannot both mail.
   */
  claimLinkMail(id: number, now: Date, notSince: Date): Promise<boolean>;
  /** Gives back a claimed link mail that could not be sent. */
  releaseLinkMail(id: number): Promise<void>;
  setConfirmToken(id: number, hash: string, expiresAt: Date): Promise<void>;
  setManageToken(id: number, hash: string): Promise<void>;
  /**
   * pending → active, by the owner's confirmation; false when the subscriber was not pending.
   * The confirmation is the fresh double opt-in that takes the address off the suppression list.
   */
  activate(id: number, now: Date): Promise<boolean>;
  /** Moves the subscriber from one of `from` to `to`; false when it was in none of them. */
  changeStatus(
    id: number,
    from: readonly SubscriberStatus[],
    to: SubscriberStatus,
  ): Promise<boolean>;
  replaceKeywords(id: number, keywords: readonly string[]): Promise<Subscriber>;
  updateSettings(id: number, settings: SubscriberSettings): Promise<Subscriber>;
  /**
   * Requests pending since before `cutoff` expire: never-confirmed addresses are deleted, ones
   * that were subscribed before go back to unsubscribed. Returns how many expired.
   */
  expirePending(cutoff: Date): Promise<number>;
  /** The delivery a digest link names, with its edition's date and its subscriber (one query). */
  findDeliveryForLink(
    id: number,
  ): Promise<{ linkTokenHash: string | null; subscriber: Subscriber; editionDate: string } | null>;
}
