import type { DeliveryStore, Delivery } from "../db/delivery-store";
import type { Subscriber } from "../db/subscriber-store";
import type { DigestHtmlTemplate } from "../digest/digest-html-template";
import { digestSubject, type DigestLinks } from "../digest/digest-mail-parts";
import type { EditionContent } from "../digest/edition-content";
import { renderDigestText } from "../digest/render-digest-text";
import { composeDigestMessage } from "./compose-digest-message";
import { SendError, type MailTransport } from "./mail-transport";
import { nextAttemptAt, SEND_POLICY } from "./send-policy";

export interface SendDeps {
  deliveries: DeliveryStore;
  transport: MailTransport;
  template: DigestHtmlTemplate;
  mailFrom: string;
  linksFor: (subscriber: Subscriber) => DigestLinks;
  maxPapers: number;
  now: () => Date;
}

export interface SendProgress {
  sent: number;
  failed: number;
  retrying: number;
}

export interface SendSummary extends SendProgress {
  /** Deliveries found mid-send from an earlier, interrupted run (never sent again). */
  uncertain: number;
}

/** What happened to one claimed delivery. */
type Outcome = "sent" | "failed" | "retrying";

/**
 * Sends the edition's queued deliveries. Each is claimed before it is sent and marked after, so
 * a run that dies can be run again: what was sent is not sent again. A delivery left mid-send
 * by a dead run has an unknown fate (the server may have accepted it); it is marked `uncertain`
 * and not resent, because a duplicate digest is worse than a missing one and the operator can
 * resend one with `send --only`.
 */
export async function sendEdition(
  deps: SendDeps,
  content: EditionContent,
  subscribers: ReadonlyMap<number, Subscriber>,
  options: { only?: number; onProgress?: (progress: SendProgress) => void } = {},
): Promise<SendSummary> {
  const editionId = content.edition.id;
  const uncertain = await deps.deliveries.markExpiredLeasesUncertain(editionId, deps.now());
  const progress: SendProgress = { sent: 0, failed: 0, retrying: 0 };
  const worker = async () => {
    for (;;) {
      const delivery = await deps.deliveries.claimNext(
        editionId,
        deps.now(),
        SEND_POLICY.leaseMs,
        options.only,
      );
      if (!delivery) return;
      progress[await deliver(deps, content, subscribers, delivery)] += 1;
      options.onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: SEND_POLICY.concurrency }, worker));
  return { ...progress, uncertain };
}

async function deliver(
  deps: SendDeps,
  content: EditionContent,
  subscribers: ReadonlyMap<number, Subscriber>,
  delivery: Delivery,
): Promise<Outcome> {
  const subscriber = subscribers.get(delivery.subscriberId);
  if (!subscriber || subscriber.status !== "active") {
    await deps.deliveries.markFailed(delivery.id, "skipped: the subscriber is no longer active");
    return "failed";
  }
  const digest = content.digestFor(subscriber, { maxPapers: deps.maxPapers, now: deps.now() });
  if (!digest) {
    await deps.deliveries.markFailed(
      delivery.id,
      "skipped: the keywords no longer match any paper",
    );
    return "failed";
  }
  const links = deps.linksFor(subscriber);
  const message = composeDigestMessage({
    from: deps.mailFrom,
    to: subscriber.email,
    subject: digestSubject(digest),
    text: renderDigestText(digest, links),
    html: deps.template.render(digest, links),
    editionDate: digest.editionDate,
    deliveryId: delivery.id,
    unsubscribeUrl: links.unsubscribeUrl,
  });
  try {
    await deps.transport.send(message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof SendError && error.permanent;
    if (permanent || delivery.attempts >= SEND_POLICY.maxAttempts) {
      await deps.deliveries.markFailed(delivery.id, reason);
      return "failed";
    }
    await deps.deliveries.markRetry(
      delivery.id,
      reason,
      nextAttemptAt(deps.now(), delivery.attempts),
    );
    return "retrying";
  }
  await deps.deliveries.markSent(delivery, {
    messageId: message.messageId,
    subject: message.subject,
    arxivIds: [...new Set(digest.sections.flatMap((s) => s.papers.map((p) => p.arxivId)))],
  });
  return "sent";
}
