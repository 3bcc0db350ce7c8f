import crypto from "node:crypto";
import { z } from "zod";
import type { ReportKind } from "../read-report";
import { statusCodeIn } from "../bounce-texts";
import type { WebhookReading, WebhookVerdict } from "./provider-report";
import { readJsonBody } from "./read-json-body";
import type { PostmarkWebhookSettings } from "./webhook-settings";

/**
 * Postmark's bounce types (its `Type` field) and what each is here. A bad address is hard; a
 * full mailbox, a DNS failure or a block (often about the sender, not the address) is soft;
 * auto-replies, subscription notices and Postmark's own bookkeeping need no action.
 */
const BOUNCE_TYPES: Readonly<Record<string, ReportKind>> = {
  HardBounce: "hard",
  BadEmailAddress: "hard",
  SoftBounce: "soft",
  Transient: "soft",
  DnsError: "soft",
  Blocked: "soft",
  SpamNotification: "soft",
  VirusNotification: "soft",
  DMARCPolicy: "soft",
  SpamComplaint: "complaint",
};

const postmarkRecord = z.object({
  RecordType: z.string(),
  // Absent from the record types not acted on (Delivery, Open, Click …).
  ID: z.union([z.number(), z.string().min(1)]).optional(),
  Type: z.string().optional(),
  Email: z.string().min(3).optional(),
  Description: z.string().optional(),
  Details: z.string().optional(),
});

/** A Postmark request: refused without the webhook's credentials, else read. */
export function postmarkVerdict(
  settings: PostmarkWebhookSettings,
  authorization: string | undefined,
  body: string,
): WebhookVerdict {
  if (authorization === undefined) {
    return { kind: "refused", status: 401, detail: "no credentials (basic auth)" };
  }
  if (!postmarkAuthorized(settings, authorization)) {
    return { kind: "refused", status: 403, detail: "wrong credentials" };
  }
  return readPostmarkWebhook(body);
}

/**
 * Whether a request carries the webhook's basic-auth credentials (Postmark signs nothing: the
 * credentials in the webhook URL are the proof). Compared as digests, in constant time.
 */
function postmarkAuthorized(
  settings: PostmarkWebhookSettings,
  authorization: string | undefined,
): boolean {
  const given = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? "")?.[1];
  if (given === undefined) return false;
  const digest = (text: string) => crypto.createHash("sha256").update(text).digest();
  const expected = digest(`${settings.user}:${settings.password}`);
  return crypto.timingSafeEqual(digest(Buffer.from(given, "base64").toString("utf8")), expected);
}

/** Reads a Postmark Bounce or SpamComplaint webhook; other record types are ignored. */
function readPostmarkWebhook(body: string): WebhookReading {
  const reading = readJsonBody(body, postmarkRecord);
  if (!reading.ok) return { kind: "invalid", detail: `not a Postmark record: ${reading.detail}` };
  const record = reading.value;
  // A SpamComplaint record's Type says so too; a Delivery's or an Open's Type is no bounce type.
  const type = record.RecordType === "SpamComplaint" ? "SpamComplaint" : (record.Type ?? "");
  const kind =
    record.RecordType === "Bounce" || type === "SpamComplaint" ? BOUNCE_TYPES[type] : undefined;
  if (kind === undefined) {
    return { kind: "ignored", detail: `Postmark ${record.RecordType} ${type}`.trim() };
  }
  if (record.ID === undefined || record.Email === undefined) {
    return { kind: "invalid", detail: `Postmark ${type} without ID or Email` };
  }
  const details = `${record.Description ?? ""} ${record.Details ?? ""}`.trim();
  return {
    kind: "reports",
    reports: [
      {
        email: record.Email,
        // Postmark sends its record again, with the same ID, until it gets a 2xx.
        feedback: {
          kind,
          source: "postmark",
          eventKey: `postmark:${record.ID}`,
          status: statusCodeIn(details),
          detail: `Postmark ${type}${details ? `: ${details.slice(0, 200)}` : ""}`,
        },
        echoes: [],
      },
    ],
  };
}
