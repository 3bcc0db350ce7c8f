import { z } from "zod";
import { statusCodeIn } from "../bounce-texts";
import type { ReportKind } from "../read-report";
import type { MailgunSignatures } from "./mailgun-signatures";
import type { WebhookReading, WebhookVerdict } from "./provider-report";
import { readJsonBody } from "./read-json-body";

const text = z.union([z.string(), z.number()]).transform(String);

const mailgunSignature = z.object({
  timestamp: text,
  token: z.string().min(1),
  signature: z.string().min(1),
});

const mailgunEvent = z.object({
  event: z.string(),
  id: z.string().min(1),
  severity: z.string().optional(),
  recipient: z.string().optional(),
  "delivery-status": z
    .object({
      code: text.optional(),
      "enhanced-code": text.optional(),
      message: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
  envelope: z.object({ sender: z.string().optional() }).optional(),
  message: z
    .object({ headers: z.object({ "message-id": z.string().optional() }).optional() })
    .optional(),
});

/**
 * A Mailgun webhook request (the JSON of its current webhooks: `signature` and `event-data`):
 * refused without a signature, or with a wrong, stale or replayed one; else read.
 */
export function mailgunVerdict(signatures: MailgunSignatures, body: string): WebhookVerdict {
  const signed = readJsonBody(body, z.object({ signature: mailgunSignature }));
  if (!signed.ok) return { kind: "refused", status: 401, detail: `unsigned: ${signed.detail}` };
  const { signature } = signed.value;
  const check = signatures.check(signature);
  if (!check.ok) return { kind: "refused", status: 403, detail: check.detail };
  return { ...readMailgunEvent(body), onHandled: () => signatures.take(signature) };
}

/** A failure with severity permanent is hard, temporary soft; a complaint is a complaint. */
function kindOf(event: z.infer<typeof mailgunEvent>): ReportKind | undefined {
  if (event.event === "complained") return "complaint";
  if (event.event !== "failed") return undefined;
  return event.severity === "permanent" ? "hard" : "soft";
}

function readMailgunEvent(body: string): WebhookReading {
  const reading = readJsonBody(body, z.object({ "event-data": mailgunEvent }));
  if (!reading.ok) return { kind: "invalid", detail: `not a Mailgun event: ${reading.detail}` };
  const event = reading.value["event-data"];
  const kind = kindOf(event);
  if (kind === undefined) return { kind: "ignored", detail: `Mailgun ${event.event}` };
  if (!event.recipient) return { kind: "invalid", detail: "Mailgun event without a recipient" };
  const status = event["delivery-status"];
  const said = [status?.code, status?.description || status?.message].filter(Boolean).join(" ");
  return {
    kind: "reports",
    reports: [
      {
        email: event.recipient,
        // Mailgun's event id stays the same when it posts the event again.
        feedback: {
          kind,
          source: "mailgun",
          eventKey: `mailgun:${event.id}`,
          status: statusCodeIn(status?.["enhanced-code"] ?? said),
          detail: `Mailgun ${event.event}${event.severity ? ` (${event.severity})` : ""}${said ? `: ${said.slice(0, 200)}` : ""}`,
        },
        echoes: [event.envelope?.sender, event.message?.headers?.["message-id"]].filter(
          (echo): echo is string => echo !== undefined,
        ),
      },
    ],
  };
}
