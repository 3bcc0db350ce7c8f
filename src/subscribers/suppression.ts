/** Why an address is suppressed: its owner complained, or mail to it bounced for good. */
type SuppressionReason = "complaint" | "bounce";

/** An address that is not subscribed again except by its own, fresh double opt-in. */
export interface Suppression {
  email: string;
  reason: SuppressionReason;
  detail: string | null;
  createdAt: Date;
}

/**
 * The suppression list. A complaint or a bounce puts an address on it; only a confirmed double
 * opt-in (the address's owner clicking the link mailed to it) or the operator takes it off.
 */
export interface SuppressionStore {
  /** Adds the address (normalised); an address already on the list keeps its first entry. */
  suppress(email: string, reason: SuppressionReason, detail?: string): Promise<void>;
  find(email: string): Promise<Suppression | null>;
  list(): Promise<Suppression[]>;
  /** false when the address was not on the list. */
  remove(email: string): Promise<boolean>;
}

/**
 * Why the operator cannot (re)subscribe an address: only its owner can, by confirming the link
 * mailed to it (the web form or a subscribe mail), or the operator takes it off the list first.
 */
export function suppressedMessage(s: Pick<Suppression, "email" | "reason">): string {
  const why =
    s.reason === "complaint" ? "its owner reported a digest as spam" : "mail to it bounced";
  return `${s.email} is suppressed (${why}); it can subscribe again only by its own double opt-in (the web form or a subscribe mail), or after "arxiv-digest suppression remove ${s.email}"`;
}
