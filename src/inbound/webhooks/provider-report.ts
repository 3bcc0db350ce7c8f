import { readVerpAddress, type BounceAddressSettings } from "../../mail/bounce-address";
import {
  applyFeedback,
  type Feedback,
  type FeedbackOutcome,
  type FeedbackRecipient,
} from "../feedback";
import type { ReportDeps } from "../process-report";

/** One bounce or complaint a provider reported about one address. */
export interface ProviderReport {
  email: string;
  feedback: Feedback;
  /**
   * What the provider echoed of the digest (its envelope sender, its Message-ID), which may name
   * its delivery; without one the report counts against the address's latest digest.
   */
  echoes: string[];
}

/** What a provider's request is, once read: reports, or why there is nothing to act on. */
export type WebhookReading =
  | { kind: "reports"; reports: ProviderReport[] }
  /** A well-formed event this service does not act on (a delivery notice, an open …). */
  | { kind: "ignored"; detail: string }
  /** Not the provider's format at all. */
  | { kind: "invalid"; detail: string };

/**
 * What a provider's request comes to: its reading once its signature (or credentials) held, or
 * a refusal, 401 without any, 403 with a wrong, stale or replayed one. `onHandled` is called
 * once the reports were acted on (a replay guard remembers the request only then, so a retry
 * after a failure is not taken for a replay).
 */
export type WebhookVerdict =
  | (WebhookReading & { onHandled?: () => void })
  | { kind: "refused"; status: 401 | 403; detail: string };

/** What came of one report: what feedback.ts did, or that the address is none of ours. */
export interface ProviderReportResult {
  eventKey: string;
  outcome: FeedbackOutcome | "unknown-address";
}

/** Our Message-ID (compose-digest-message.ts): `<digest.<edition date>.<delivery id>@domain>`. */
const DIGEST_MESSAGE_ID = /^<?digest\.\d{4}-\d{2}-\d{2}\.(\d{1,12})@[^\s<>]+>?$/i;

/**
 * Acts on each report of a signed (or authenticated) provider request, once per event key. The
 * provider's word on the address is trusted, since the request proved where it came from; the
 * delivery is the one its echoed VERP address or Message-ID names when that delivery went to
 * this very address, else the address's latest digest (for the rates per edition).
 */
export async function applyProviderReports(
  deps: ReportDeps,
  reports: readonly ProviderReport[],
): Promise<ProviderReportResult[]> {
  const results: ProviderReportResult[] = [];
  for (const report of reports) {
    const recipient = await recipientOf(deps, report);
    const { eventKey } = report.feedback;
    results.push({
      eventKey,
      outcome: recipient
        ? await applyFeedback(deps, recipient, report.feedback)
        : "unknown-address",
    });
  }
  return results;
}

async function recipientOf(
  deps: ReportDeps,
  report: ProviderReport,
): Promise<FeedbackRecipient | null> {
  const email = report.email.trim().toLowerCase();
  const deliveryId = report.echoes
    .map((echo) => deliveryNamedBy(echo, deps.bounces))
    .find((id) => id !== undefined);
  if (deliveryId !== undefined) {
    const named = await deps.feedback.recipientOfDelivery(deliveryId);
    if (named?.email === email) return named;
  }
  return deps.feedback.recipientByEmail(email);
}

/** The delivery an echoed envelope sender (a VERP address with a good MAC) or Message-ID names. */
function deliveryNamedBy(
  echo: string,
  bounces: BounceAddressSettings | undefined,
): number | undefined {
  const fromMessageId = DIGEST_MESSAGE_ID.exec(echo.trim())?.[1];
  if (fromMessageId !== undefined) return Number(fromMessageId);
  if (!bounces) return undefined;
  const verp = readVerpAddress(bounces, echo);
  return verp.kind === "delivery" ? verp.deliveryId : undefined;
}
