import { z } from "zod";
import type { ReportKind } from "../read-report";
import type { ProviderReport, WebhookReading } from "./provider-report";
import { readJsonBody } from "./read-json-body";

const recipients = z.array(
  z.object({
    emailAddress: z.string().min(3),
    status: z.string().optional(),
    diagnosticCode: z.string().optional(),
  }),
);

/** The fields read of SES's notification (or, with event publishing, its event) JSON. */
const sesNotification = z.object({
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: recipients,
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: recipients,
      complaintFeedbackType: z.string().optional(),
    })
    .optional(),
  mail: z
    .object({
      source: z.string().optional(),
      commonHeaders: z.object({ messageId: z.string().optional() }).optional(),
      headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
    })
    .optional(),
});

type SesNotification = z.infer<typeof sesNotification>;

/**
 * Reads the SES notification an SNS Notification carries (its Message), one report per
 * recipient: a Permanent bounce is hard, a Transient or Undetermined one soft, a complaint a
 * complaint (unless the provider's report says not-spam). `snsMessageId` names the event: SNS
 * posts the same message again, with the same id, until it gets a 2xx.
 */
export function readSesNotification(message: string, snsMessageId: string): WebhookReading {
  const reading = readJsonBody(message, sesNotification);
  if (!reading.ok) return { kind: "ignored", detail: `not an SES notification: ${reading.detail}` };
  const notification = reading.value;
  const type = notification.notificationType ?? notification.eventType ?? "";
  const found = reportedRecipients(type, notification);
  if (!found) return { kind: "ignored", detail: `SES ${type || "message"}` };
  const echoes = echoesOf(notification);
  const reports: ProviderReport[] = found.list.map((recipient) => ({
    email: recipient.emailAddress,
    feedback: {
      kind: found.kind,
      source: "ses",
      eventKey: `ses:${snsMessageId}:${recipient.emailAddress.toLowerCase()}`,
      status: /^[245]\.\d{1,3}\.\d{1,3}$/.test(recipient.status ?? "")
        ? recipient.status
        : undefined,
      detail: `SES ${found.detail}${recipient.diagnosticCode ? `: ${recipient.diagnosticCode.slice(0, 200)}` : ""}`,
    },
    echoes,
  }));
  return { kind: "reports", reports };
}

function reportedRecipients(
  type: string,
  notification: SesNotification,
): { kind: ReportKind; list: z.infer<typeof recipients>; detail: string } | undefined {
  const { bounce, complaint } = notification;
  if (type === "Bounce" && bounce) {
    const kind = bounce.bounceType === "Permanent" ? "hard" : "soft";
    const detail = `${bounce.bounceType} bounce${bounce.bounceSubType ? ` (${bounce.bounceSubType})` : ""}`;
    return { kind, list: bounce.bouncedRecipients, detail };
  }
  if (type === "Complaint" && complaint && complaint.complaintFeedbackType !== "not-spam") {
    const detail = `complaint${complaint.complaintFeedbackType ? ` (${complaint.complaintFeedbackType})` : ""}`;
    return { kind: "complaint", list: complaint.complainedRecipients, detail };
  }
  return undefined;
}

/** The digest's envelope sender and Message-ID, as SES echoes them. */
function echoesOf(notification: SesNotification): string[] {
  const mail = notification.mail;
  const header = mail?.headers?.find((h) => h.name.toLowerCase() === "message-id")?.value;
  return [mail?.source, mail?.commonHeaders?.messageId, header].filter(
    (echo): echo is string => echo !== undefined,
  );
}
