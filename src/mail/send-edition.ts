import type { DeliveryStore, Delivery } from "../db/delivery-store";
import type { Subscriber, SubscriberStore } from "../db/subscriber-store";
import type { DigestHtmlTemplate } from "../digest/digest-html-template";
import { digestSubject } from "../digest/digest-mail-parts";
import type { EditionContent } from "../digest/edition-content";
import { renderDigestText } from "../digest/render-digest-text";
import { composeDigestMessage } from "./compose-digest-message";
import { SendError, type MailTransport } from "./mail-transport";
import { createLinkToken } from "../subscribers/link-token";
import { nextAttemptAt, type SendPolicy } from "./send-policy";
import type { DeliveryLinks } from "./delivery-links";

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
  /** The run stopped at the hourly limit; the rest stay queued for the next run. */
  stoppedAtHourlyLimit: boolean;
  /** The run was asked to stop (`signal`); what it had not claimed stays queued. */
  stopped: boolean;
}

export interface SendOptions {
  /** Only this subscriber's delivery. */
  only?: number;
  onProgress?: (progress: SendProgress) => void;
  /**
   * Once aborted, nothing more is claimed; the messages already handed over are still recorded,
   * and then the summary is returned. A clean stop leaves nothing `sending` (hence no `uncertain`).
   */
  signal?: AbortSignal;
}

/** What happened to one claimed delivery. */
type Outcome = "sent" | "failed" | "retrying";

const HOUR_MS = 60 * 60_000;

/**
 * Sends the edition's queued deliveries, `policy.concurrency` at a time. Each is claimed before
 * it is sent and marked after, so a run that dies can simply be run again: what was sent is not
 * sent again.
 *
 * The one unknowable case is a sender that dies between handing a message to the SMTP server
 * and recording it: the server may have accepted it or not. Such a delivery is found later still
 * `sending` with its lease run out; it is marked `uncertain` and NOT resent, because a duplicate
 * digest is worse than a missing one. `send` reports the count; `send --only <email>` resends
 * one by hand.
 */
export async function sendEdition(
  deps: SendDeps,
  content: EditionContent,
  subscribers: ReadonlyMap<number, Subscriber>,
  options: SendOptions = {},
): Promise<SendSummary> {
  const editionId = content.edition.id;
  const uncertain = await deps.deliveries.markExpiredLeasesUncertain(editionId, deps.now());
  const progress: SendProgress = { sent: 0, failed: 0, retrying: 0 };
  const hourly = await hourlyBudget(deps);
  const worker = async () => {
    while (!options.signal?.aborted && hourly.take()) {
      const link = createLinkToken();
      const delivery = await deps.deliveries.claimNext({
        editionId,
        now: deps.now(),
        leaseMs: deps.policy.leaseMs,
        linkTokenHash: link.hash,
        only: options.only,
      });
      if (!delivery) {
        hourly.giveBack();
        return;
      }
      const outcome = await deliver(deps, content, subscribers, delivery, link.token);
      if (outcome !== "sent") hourly.giveBack();
      progress[outcome] += 1;
      options.onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: deps.policy.concurrency }, worker));
  return {
    ...progress,
    uncertain,
    stoppedAtHourlyLimit: hourly.exhausted(),
    stopped: options.signal?.aborted ?? false,
  };
}

/** The messages this run may still send under SEND_RATE_PER_HOUR (sent ones count, across runs). */
async function hourlyBudget(deps: SendDeps) {
  const limit = deps.policy.ratePerHour;
  let left =
    limit > 0
      ? limit - (await deps.deliveries.countSentSince(new Date(deps.now().getTime() - HOUR_MS)))
      : Infinity;
  let refused = false;
  return {
    take: () => {
      if (left <= 0) {
        refused = true;
        return false;
      }
      left -= 1;
      return true;
    },
    giveBack: () => {
      left += 1;
    },
    exhausted: () => refused,
  };
}

async function deliver(
  deps: SendDeps,
  content: EditionContent,
  subscribers: ReadonlyMap<number, Subscriber>,
  delivery: Delivery,
  linkToken: string,
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
  const unsubscribe = deps.linksFor(delivery.id, linkToken);
  const links = {
    unsubscribeUrl: unsubscribe.url,
    manageUrl: unsubscribe.manageUrl,
    webViewUrl: unsubscribe.webViewUrl,
  };
  const message = composeDigestMessage({
    from: deps.mailFrom,
    to: subscriber.email,
    subject: digestSubject(digest),
    text: renderDigestText(digest, links),
    html: deps.template.render(digest, links),
    editionDate: digest.editionDate,
    deliveryId: delivery.id,
    unsubscribe,
  });
  try {
    await deps.transport.send(message);
  } catch (error) {
    return failed(deps, delivery, error);
  }
  await deps.deliveries.markSent(delivery, {
    messageId: message.messageId,
    subject: message.subject,
    arxivIds: [...new Set(digest.sections.flatMap((s) => s.papers.map((p) => p.arxivId)))],
  });
  if (subscriber.hardBounces > 0) await deps.subscribers.clearHardBounces(subscriber.id);
  return "sent";
}

/** 5xx: final, and counted against the address. Anything else: again later, within the budget. */
async function failed(deps: SendDeps, delivery: Delivery, error: unknown): Promise<Outcome> {
  const reason = error instanceof Error ? error.message : String(error);
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
