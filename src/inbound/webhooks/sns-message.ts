import { z } from "zod";
import { readJsonBody, type JsonBodyReading } from "./read-json-body";

/** The hosts of Amazon SNS's endpoints, in every region (and in China's). */
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

const snsMessage = z.object({
  Type: z.enum(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]),
  MessageId: z.string().min(1),
  TopicArn: z.string().min(1),
  Subject: z.string().optional(),
  Message: z.string(),
  Timestamp: z.string().min(1),
  Token: z.string().optional(),
  SubscribeURL: z.string().optional(),
  SignatureVersion: z.enum(["1", "2"]),
  Signature: z.string().min(1),
  SigningCertURL: z.string().min(1),
});

/** One message Amazon SNS posts to an HTTP(S) subscriber. */
export type SnsMessage = z.infer<typeof snsMessage>;

/** Reads the body SNS posts (JSON, though sent as text/plain). */
export function readSnsMessage(body: string): JsonBodyReading<SnsMessage> {
  return readJsonBody(body, snsMessage);
}

/**
 * An https URL on Amazon SNS's own hosts, or undefined. Only such a URL is fetched, for a
 * signing certificate or to confirm a subscription: a message names them itself, and anyone can
 * post a message.
 */
export function snsUrl(text: string | undefined): URL | undefined {
  if (text === undefined || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  const plain = url.protocol === "https:" && url.port === "" && url.username === "";
  return plain && url.password === "" && SNS_HOST.test(url.hostname) ? url : undefined;
}

/** The fields a (un)subscription confirmation signs, in order. */
const CONFIRMATION_FIELDS = [
  "Message",
  "MessageId",
  "SubscribeURL",
  "Timestamp",
  "Token",
  "TopicArn",
  "Type",
] as const;

/** The fields signed, in order, per type (AWS: "Verifying the signatures of Amazon SNS messages"). */
const SIGNED_FIELDS = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: CONFIRMATION_FIELDS,
  UnsubscribeConfirmation: CONFIRMATION_FIELDS,
} as const;

/**
 * The string SNS signs: each signed field present, as its name, a line feed, its value and a
 * line feed, in the order above (a Notification's Subject only when it has one).
 */
export function snsStringToSign(message: SnsMessage): string {
  return SIGNED_FIELDS[message.Type]
    .filter((field) => message[field] !== undefined)
    .map((field) => `${field}\n${message[field]}\n`)
    .join("");
}
