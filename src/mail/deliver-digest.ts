import type { Claim, Delivery } from "./delivery";
import type { Recipient } from "./recipient-pages";
import { digestSubject } from "../digest/digest-mail-parts";
import { papersOf, type EditionContent } from "../digest/edition-content";
import { digestMessage } from "./digest-message";
import { SendError } from "../transport/mail-transport";
import { nextAttemptAt } from "./send-policy";
import type { SendDeps } from "./send-deps";
import { messageOf } from "../errors";

/** What happened to one claimed delivery. */
export type Outcome = "sent" | "failed" | "retrying";

/** A claimed delivery and the raw token its links carry (only its hash is stored). */
export interface Claimed {
  delivery: Delivery;
  linkToken: string;
}

/** The claim a sender would make next, or undefined when it must stop. */
export type NextClaim = () => { claim: Claim; linkToken: string } | undefined;

/**
 * Builds, sends and records one digest. Once the message is accepted, the send is recorded and
 * the sender's next delivery claimed in one transaction; `next` is then that claim's result
 * (undefined when this path did not claim, so the caller claims itself).
 */
export async function deliverDigest(
  deps: SendDeps,
  content: EditionContent,
  recipientOf: (subscriberId: number) => Promise<Recipient | undefined>,
  { delivery, linkToken }: Claimed,
  nextClaim: NextClaim,
): Promise<{ outcome: Outcome; next?: Claimed | null }> {
  const recipient = await recipientOf(delivery.subscriberId);
  const subscriber = recipient?.subscriber;
  if (!recipient || !subscriber || subscriber.status !== "active") {
    await deps.deliveries.markFailed(delivery.id, "skipped: the subscriber is no longer active");
    return { outcome: "failed" };
  }
  const digest = content.digestFor(
    subscriber,
    { maxPapers: deps.maxPapers, now: deps.now() },
    recipient.mailedBefore,
  );
  if (!digest) {
    await deps.deliveries.markFailed(
      delivery.id,
      "skipped: the keywords no longer match any paper",
    );
    return { outcome: "failed" };
  }
  const message = digestMessage(deps.template, {
    from: deps.mailFrom,
    to: subscriber.email,
    subject: digestSubject(digest),
    digest,
    deliveryId: delivery.id,
    links: deps.linksFor(delivery.id, linkToken),
    envelopeFrom: deps.bounceAddress?.(delivery.id),
  });
  let claimLost = false;
  const handOver = async () => {
    if (await deps.deliveries.markHandedOver(delivery, deps.now())) return;
    claimLost = true;
    throw new SendError("this sender's claim ran out and was taken back; not sent", false);
  };
  try {
    await deps.transport.send(message, handOver);
  } catch (error) {
    // A lost claim belongs to another sender now: its row is not this sender's to write.
    return { outcome: claimLost ? "retrying" : await failed(deps, delivery, error) };
  }
  const following = nextClaim();
  const next = await deps.deliveries.markSent(
    delivery,
    {
      messageId: message.messageId,
      subject: message.subject,
      arxivIds: papersOf(digest),
    },
    following?.claim,
  );
  if (subscriber.hardBounces > 0) await deps.subscribers.clearHardBounces(subscriber.id);
  return {
    outcome: "sent",
    next: following && (next ? { delivery: next, linkToken: following.linkToken } : null),
  };
}

/** 5xx: final, and counted against the address. Anything else: again later, within the budget. */
async function failed(deps: SendDeps, delivery: Delivery, error: unknown): Promise<Outcome> {
  const reason = messageOf(error);
  if (error instanceof SendError && error.permanent) {
    await deps.deliveries.markFailed(delivery.id, reason);
    await deps.subscribers.recordHardBounce(delivery.subscriberId, deps.policy.hardBounceLimit);
    return "failed";
  }
  if (delivery.attempts >= deps.policy.maxAttempts) {
    await deps.deliveries.markFailed(
      delivery.id,
      `gave up after ${delivery.attempts} attempts: ${reason}`,
    );
    return "failed";
  }
  await deps.deliveries.markRetry(
    delivery.id,
    reason,
    nextAttemptAt(deps.policy, deps.now(), delivery.attempts),
  );
  return "retrying";
}
