import type { BounceAddressSettings } from "../mail/bounce-address";
import { applyFeedback, type FeedbackDeps, type FeedbackOutcome } from "./feedback";
import { readReport } from "./read-report";
import { addressedToBounces, tieReport } from "./tie-report";

/** What handling bounces and complaints by mail uses: the feedback ports and the VERP key. */
export interface ReportDeps extends FeedbackDeps {
  bounces?: BounceAddressSettings;
}

/**
 * What came of one mail read as a report. `done`: acted on (or refused for good) and to be
 * flagged handled; `left`: a report that could not be classified or tied to a delivery, left for
 * a person and counted; `not-a-report`: a person's mail, for the command reader.
 */
export type ReportResult =
  | {
      kind: "done";
      outcome: FeedbackOutcome | "forged" | "no-action" | "unknown-delivery";
      detail: string;
    }
  | { kind: "left"; outcome: "unclassified" | "untied"; detail: string }
  | { kind: "not-a-report" };

/**
 * Reads a mail as a bounce or complaint, ties it to its delivery by the VERP address it was
 * returned to, and acts on it (feedback.ts). A forged VERP address is refused and logged; a
 * report tied to nothing is left alone, since its own text about whom it concerns proves nothing.
 */
export async function processReport(deps: ReportDeps, source: Buffer): Promise<ReportResult> {
  const reading = await readReport(source);
  if (reading.kind === "not-a-report") {
    if (!addressedToBounces(source, deps.bounces)) return reading;
    return {
      kind: "left",
      outcome: "unclassified",
      detail: "mail to the bounce address that is no report",
    };
  }
  if (reading.kind === "unclassified")
    return { kind: "left", outcome: "unclassified", detail: reading.detail };
  if (reading.kind === "no-action")
    return { kind: "done", outcome: "no-action", detail: reading.detail };
  const tie = tieReport(source, deps.bounces);
  if (tie.kind === "forged") {
    return { kind: "done", outcome: "forged", detail: `forged bounce address ${tie.address}` };
  }
  if (tie.kind === "untied") return { kind: "left", outcome: "untied", detail: tie.reason };
  const recipient = await deps.feedback.recipientOfDelivery(tie.deliveryId);
  if (!recipient) {
    return { kind: "done", outcome: "unknown-delivery", detail: `no delivery ${tie.deliveryId}` };
  }
  const outcome = await applyFeedback(deps, recipient, {
    kind: reading.report,
    source: "mail",
    // One delivery bounces (or is complained about) once: a second report of the same is a repeat.
    eventKey: `mail:d${tie.deliveryId}:${reading.report}`,
    status: reading.status,
    detail: reading.detail,
  });
  return { kind: "done", outcome, detail: `${reading.detail} (delivery ${tie.deliveryId})` };
}
