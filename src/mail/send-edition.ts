import type { SendDeps } from "./send-deps";
import type { Recipient } from "./recipient-pages";
import type { EditionContent } from "../digest/edition-content";
import { createLinkToken } from "../subscribers/link-token";
import { deliverDigest, type Claimed, type NextClaim } from "./deliver-digest";

export interface SendProgress {
  sent: number;
  failed: number;
  retrying: number;
}

export interface SendSummary extends SendProgress {
  /** Deliveries an earlier, interrupted run had handed over but not recorded (never sent again). */
  uncertain: number;
  /** Deliveries an earlier, interrupted run had claimed but not handed over: sent by this run. */
  requeued: number;
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
 * one by hand. A delivery found so whose hand-over was never recorded (the mark is durable
 * before the message can be complete at the far end) cannot have arrived: it is queued again
 * and sent by this run.
 */
export async function sendEdition(
  deps: SendDeps,
  content: EditionContent,
  /** The recipient of a claimed delivery (recipient-window.ts); undefined if they are gone. */
  recipientOf: (subscriberId: number) => Promise<Recipient | undefined>,
  options: SendOptions = {},
): Promise<SendSummary> {
  const editionId = content.edition.id;
  const { uncertain, requeued } = await deps.deliveries.settleExpiredLeases(editionId, deps.now());
  const progress: SendProgress = { sent: 0, failed: 0, retrying: 0 };
  const hourly = await hourlyBudget(deps);
  const nextClaim: NextClaim = () => {
    if (options.signal?.aborted || !hourly.take()) return undefined;
    const link = createLinkToken();
    const claim = {
      editionId,
      now: deps.now(),
      leaseMs: deps.policy.leaseMs,
      linkTokenHash: link.hash,
      only: options.only,
    };
    return { claim, linkToken: link.token };
  };
  const claimAlone = async (): Promise<Claimed | null> => {
    const wanted = nextClaim();
    const delivery = wanted && (await deps.deliveries.claimNext(wanted.claim));
    return wanted && delivery ? { delivery, linkToken: wanted.linkToken } : null;
  };
  const worker = async () => {
    let claimed = await claimAlone();
    while (claimed) {
      const { outcome, next } = await deliverDigest(deps, content, recipientOf, claimed, nextClaim);
      // Only a message handed over counts against the hourly limit.
      if (outcome !== "sent") hourly.giveBack();
      progress[outcome] += 1;
      options.onProgress?.({ ...progress });
      claimed = next === undefined ? await claimAlone() : next;
    }
  };
  await Promise.all(Array.from({ length: deps.policy.concurrency }, worker));
  return {
    ...progress,
    uncertain,
    requeued,
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
