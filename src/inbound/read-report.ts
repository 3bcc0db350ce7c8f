import { simpleParser } from "mailparser";
import { messageOf } from "../errors";
import { BOUNCE_TEXTS, statusCodeIn } from "./bounce-texts";

/** What a delivery report says, as far as this service acts on it. */
export type ReportKind = "hard" | "soft" | "complaint";

/** What a received mail is, read as a bounce or a complaint. */
export type ReportReading =
  /** A bounce (RFC 3464 or an MTA's text) or a complaint (RFC 5965 ARF). */
  | { kind: "report"; report: ReportKind; status?: string; detail: string }
  /** A report that needs no action: a success notice, a not-spam or auth-failure report. */
  | { kind: "no-action"; detail: string }
  /** Looks like a report (a report type, a mail system's address) but says nothing we read. */
  | { kind: "unclassified"; detail: string }
  /** A person's mail (or anything else): not ours to read here. */
  | { kind: "not-a-report" };

const MACHINE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailer)@/i;
/** Feedback types that are a recipient's complaint; not-spam and auth-failure are not. */
const COMPLAINT_TYPES = /^(abuse|fraud|virus|other)$/i;

/**
 * Reads a received mail as a bounce or a complaint. RFC 3464 delivery-status reports are read
 * by their fields (Action, Status); ARF reports (RFC 5965) by Feedback-Type; the bounces of
 * mail systems that write prose instead are recognised by their texts (bounce-texts.ts).
 * Which delivery a report is about is not read here: see tie-report.ts.
 */
export async function readReport(source: Buffer): Promise<ReportReading> {
  let parsed;
  try {
    parsed = await simpleParser(source, { skipHtmlToText: false, skipTextLinks: true });
  } catch (error) {
    return { kind: "unclassified", detail: `unreadable: ${messageOf(error)}` };
  }
  const type = parsed.headers.get("content-type") as
    { value?: string; params?: Record<string, string> } | undefined;
  const reportType = type?.value === "multipart/report" ? type.params?.["report-type"] : undefined;
  // mailparser puts a delivery-status part into the text, a feedback-report part into attachments.
  const parts = [
    parsed.text ?? "",
    ...parsed.attachments
      .filter((a) =>
        /^(message|text)\/(feedback-report|delivery-status|global-delivery-status)$/i.test(
          a.contentType,
        ),
      )
      .map((a) => a.content.toString("utf8")),
  ].join("\n");
  const subject = parsed.subject ?? "";
  if (reportType?.toLowerCase() === "feedback-report" || /^Feedback-Type:/im.test(parts)) {
    return readFeedbackReport(parts);
  }
  const dsn = /^Action:\s*(\S+)/im.test(parts) ? readDeliveryStatus(parts) : undefined;
  if (dsn) return dsn;
  const text = BOUNCE_TEXTS.find((t) => t.pattern.test(`${subject}\n${parts}`));
  if (text) {
    const status = statusCodeIn(parts);
    const report = status ? (status.startsWith("5") ? "hard" : "soft") : text.kind;
    return { kind: "report", report, status, detail: `${text.mta} bounce` };
  }
  // A report type or a mail system's own address: a report, if one we cannot read. An empty
  // Return-Path alone is not enough: auto-replies carry one too, and go on to the command reader.
  const from = parsed.from?.value[0]?.address ?? "";
  if (reportType !== undefined || MACHINE_SENDER.test(from)) {
    const about = JSON.stringify(subject.slice(0, 80));
    return { kind: "unclassified", detail: `not a report we can read: ${about}` };
  }
  return { kind: "not-a-report" };
}

/** RFC 5965: one Feedback-Type field; abuse (and fraud, virus, other) is a complaint. */
function readFeedbackReport(parts: string): ReportReading {
  const type = /^Feedback-Type:\s*([\w-]+)/im.exec(parts)?.[1] ?? "";
  if (COMPLAINT_TYPES.test(type))
    return { kind: "report", report: "complaint", detail: `ARF ${type.toLowerCase()} report` };
  return type
    ? { kind: "no-action", detail: `ARF ${type} report` }
    : { kind: "unclassified", detail: "ARF report without Feedback-Type" };
}

/**
 * RFC 3464: per-recipient Action and Status. A digest has one recipient, so the worst one counts:
 * failed with 5.x.x is hard; delayed, or failed with 4.x.x, is soft; delivered, relayed and
 * expanded are success notices.
 */
function readDeliveryStatus(parts: string): ReportReading | undefined {
  const actions = [...parts.matchAll(/^Action:\s*([\w-]+)/gim)].map((m) =>
    (m[1] ?? "").toLowerCase(),
  );
  const statuses = [...parts.matchAll(/^Status:\s*([245]\.\d{1,3}\.\d{1,3})/gim)].map(
    (m) => m[1] ?? "",
  );
  const diagnostic = /^Diagnostic-Code:\s*(.+)$/im.exec(parts)?.[1]?.trim().slice(0, 200);
  const detail = `delivery status report${diagnostic ? `: ${diagnostic}` : ""}`;
  const hard = statuses.find((s) => s.startsWith("5"));
  if (actions.includes("failed") && hard)
    return { kind: "report", report: "hard", status: hard, detail };
  if (actions.includes("failed") || actions.includes("delayed")) {
    return { kind: "report", report: "soft", status: statuses[0], detail };
  }
  if (actions.length > 0)
    return { kind: "no-action", detail: `delivery notice (${actions.join(", ")})` };
  return undefined;
}
