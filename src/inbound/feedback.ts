import type { SubscriberStore } from "../subscribers/subscriber";
import type { SuppressionStore } from "../subscribers/suppression";
import type { ReportKind } from "./read-report";

/** Where a bounce or complaint was reported. */
type FeedbackSource = "mail" | "postmark" | "mailgun" | "ses";

/** One bounce or complaint, from a mail or a provider's webhook. */
export interface Feedback {
  kind: ReportKind;
  source: FeedbackSource;
  /** Names the report where it came from; the same key twice is recorded (and acted on) once. */
  eventKey: string;
  status?: string;
  detail: string;
}

/** The delivery (or, for a provider's signed report, the address) a report is about. */
export interface FeedbackRecipient {
  subscriberId: number;
  email: string;
  deliveryId?: number;
  editionId?: number;
}

/** A recorded bounce or complaint. */
interface FeedbackEvent extends Feedback, FeedbackRecipient {}

/** What handling bounces and complaints reads and writes beyond the subscriber store. */
export interface FeedbackStore {
  /** The subscriber a delivery went to, or null when there is no such delivery. */
  recipientOfDelivery(deliveryId: number): Promise<FeedbackRecipient | null>;
  /** A subscriber by address, with their latest sent delivery when there is one. */
  recipientByEmail(email: string): Promise<FeedbackRecipient | null>;
  /**
   * Records the event: "new", or for a known eventKey "done" (acted on before: nothing to do) or
   * "pending" (recorded by a run that died before acting on it: act now).
   */
  record(event: FeedbackEvent): Promise<"new" | "pending" | "done">;
  /** The event was acted on. */
  markApplied(eventKey: string): Promise<void>;
}

export interface FeedbackDeps {
  feedback: FeedbackStore;
  subscribers: Pick<SubscriberStore, "recordHardBounce" | "unsubscribe">;
  suppressions: Pick<SuppressionStore, "suppress">;
  /** The send policy's hard bounces in a row after which an address is bounced. */
  hardBounceLimit: number;
}

/** What was done about one report. */
export type FeedbackOutcome =
  | "soft-bounce-recorded"
  | "hard-bounce-counted"
  | "bounced-and-suppressed"
  | "unsubscribed-and-suppressed"
  | "already-handled";

/**
 * Acts on one bounce or complaint, once per eventKey. Hard: counts toward the bounced threshold
 * the SMTP refusals count toward, and an address that reaches it is suppressed. Soft: recorded
 * only (the next digest may well arrive). Complaint: the subscriber is unsubscribed at once and
 * suppressed, since mailing someone who called it spam is what gets a sender blocked.
 * The event is recorded first and marked applied last, so a run that dies between the two acts
 * on it when run again (a second unsubscribe changes nothing; a hard bounce could count twice
 * only if the process died in the moment between counting and marking).
 */
export async function applyFeedback(
  deps: FeedbackDeps,
  recipient: FeedbackRecipient,
  feedback: Feedback,
): Promise<FeedbackOutcome> {
  if ((await deps.feedback.record({ ...recipient, ...feedback })) === "done") {
    return "already-handled";
  }
  const outcome = await act(deps, recipient, feedback);
  await deps.feedback.markApplied(feedback.eventKey);
  return outcome;
}

async function act(
  deps: FeedbackDeps,
  recipient: FeedbackRecipient,
  feedback: Feedback,
): Promise<FeedbackOutcome> {
  if (feedback.kind === "soft") return "soft-bounce-recorded";
  if (feedback.kind === "complaint") {
    await deps.subscribers.unsubscribe(recipient.subscriberId);
    await deps.suppressions.suppress(recipient.email, "complaint", feedback.detail);
    return "unsubscribed-and-suppressed";
  }
  const { subscriberId } = recipient;
  // The store suppresses the address as it marks it bounced, as for refusals during sending.
  const status = await deps.subscribers.recordHardBounce(subscriberId, deps.hardBounceLimit);
  return status === "bounced" ? "bounced-and-suppressed" : "hard-bounce-counted";
}
