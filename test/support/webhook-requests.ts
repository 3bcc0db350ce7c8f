import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Provider webhook requests in each provider's documented wire format (the examples of their
 * documentation, with our addresses), signed as the provider signs them. The SNS signing key
 * and certificate are a self-signed pair made once for the tests (test/fixtures/webhooks).
 */
const FIXTURES = path.resolve(__dirname, "..", "fixtures", "webhooks");
export const SNS_TEST_CERTIFICATE = fs.readFileSync(
  path.join(FIXTURES, "sns-signing-cert.pem"),
  "utf8",
);
const SNS_TEST_KEY = fs.readFileSync(path.join(FIXTURES, "sns-signing-key.pem"), "utf8");

/** Postmark's Bounce webhook (postmarkapp.com/developer/webhooks/bounce-webhook). */
export function postmarkBounce(email: string, id: number, type = "HardBounce") {
  return {
    RecordType: "Bounce",
    MessageStream: "outbound",
    ID: id,
    Type: type,
    TypeCode: type === "HardBounce" ? 1 : 4096,
    Name: type === "HardBounce" ? "Hard bounce" : "Soft bounce",
    Tag: "digest",
    MessageID: "883953f4-6105-42a2-a16a-77a8eac79483",
    Metadata: {},
    ServerID: 23,
    Description:
      "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
    Details: "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    Email: email,
    From: "digest@digest.example.org",
    BouncedAt: "2026-12-01T16:33:54.9070259Z",
    DumpAvailable: true,
    Inactive: true,
    CanActivate: true,
    Subject: "arXiv digest",
  };
}

/** Postmark's SpamComplaint webhook. */
export function postmarkSpamComplaint(email: string, id: number) {
  return {
    RecordType: "SpamComplaint",
    MessageStream: "outbound",
    ID: id,
    Type: "SpamComplaint",
    TypeCode: 512,
    Name: "Spam complaint",
    Tag: "digest",
    MessageID: "00000000-0000-0000-0000-000000000000",
    Metadata: {},
    ServerID: 1234,
    Description: "",
    Details: "Test spam complaint details",
    Email: email,
    From: "digest@digest.example.org",
    BouncedAt: "2026-12-01T16:33:54.9070259Z",
    DumpAvailable: true,
    Inactive: true,
    CanActivate: false,
    Subject: "arXiv digest",
  };
}

/** Postmark's Delivery webhook: no bounce, nothing to do. */
export function postmarkDelivery(email: string) {
  return {
    RecordType: "Delivery",
    ServerID: 23,
    MessageStream: "outbound",
    MessageID: "883953f4-6105-42a2-a16a-77a8eac79483",
    Recipient: email,
    Tag: "digest",
    DeliveredAt: "2026-12-01T16:33:54.9070259Z",
    Details: "Test delivery webhook details",
    Metadata: {},
  };
}

export const basicAuth = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** What a Mailgun event says of the digest it is about. */
export interface MailgunEventFill {
  event: "failed" | "complained" | "delivered";
  severity?: "permanent" | "temporary";
  id: string;
  recipient: string;
  /** The digest's envelope sender (its VERP address) and Message-ID, as Mailgun echoes them. */
  sender?: string;
  messageId?: string;
}

/** Mailgun's event-data (documentation.mailgun.com, webhooks: "failed" and "complained"). */
export function mailgunEventData(fill: MailgunEventFill) {
  return {
    event: fill.event,
    id: fill.id,
    timestamp: 1764606000.375624,
    "log-level": fill.event === "failed" ? "error" : "warn",
    ...(fill.severity ? { severity: fill.severity, reason: "bounce" } : {}),
    envelope: {
      sender: fill.sender ?? "digest@digest.example.org",
      transport: "smtp",
      targets: fill.recipient,
    },
    flags: { "is-routed": false, "is-authenticated": true, "is-system-test": false },
    ...(fill.event === "failed"
      ? {
          "delivery-status": {
            "attempt-no": 1,
            message: "",
            code: fill.severity === "permanent" ? 550 : 452,
            "enhanced-code": fill.severity === "permanent" ? "5.1.1" : "4.2.2",
            description: "mailbox unavailable",
            "session-seconds": 0.1,
          },
        }
      : {}),
    message: {
      headers: {
        to: fill.recipient,
        "message-id": fill.messageId ?? "20261201182626.18666.16540@digest.example.org",
        from: "arXiv Digest <digest@digest.example.org>",
        subject: "arXiv digest",
      },
      attachments: [],
      size: 111,
    },
    recipient: fill.recipient,
    "recipient-domain": fill.recipient.split("@")[1],
    campaigns: [],
    tags: [],
    "user-variables": {},
  };
}

/** Mailgun's signature object: HMAC-SHA-256 of timestamp + token under the signing key, in hex. */
export function mailgunSignature(signingKey: string, timestamp = Math.floor(Date.now() / 1000)) {
  const token = crypto.randomBytes(25).toString("hex");
  const signature = crypto
    .createHmac("sha256", signingKey)
    .update(`${timestamp}${token}`)
    .digest("hex");
  return { timestamp: String(timestamp), token, signature };
}

/**
 * An SES notification (docs.aws.amazon.com/ses: "Amazon SNS notification contents"); `variant` is
 * the bounceType (Permanent by default) or the complaintFeedbackType (abuse by default).
 */
export function sesNotification(
  type: "Bounce" | "Complaint",
  recipients: string[],
  mail: { source: string; messageId: string },
  variant?: string,
) {
  const common = {
    mail: {
      timestamp: "2026-12-01T14:59:38.237Z",
      source: mail.source,
      sourceArn: "arn:aws:ses:us-east-1:888888888888:identity/digest.example.org",
      sourceIp: "192.0.2.10",
      sendingAccountId: "123456789012",
      messageId: "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000",
      destination: recipients,
      headersTruncated: false,
      headers: [
        { name: "From", value: "arXiv Digest <digest@digest.example.org>" },
        { name: "To", value: recipients.join(", ") },
        { name: "Message-ID", value: mail.messageId },
      ],
      commonHeaders: {
        from: ["arXiv Digest <digest@digest.example.org>"],
        to: recipients,
        messageId: mail.messageId,
        subject: "arXiv digest",
      },
    },
  };
  if (type === "Complaint") {
    return {
      notificationType: "Complaint",
      complaint: {
        userAgent: "ExampleCorp Feedback Loop (V0.01)",
        complainedRecipients: recipients.map((emailAddress) => ({ emailAddress })),
        complaintFeedbackType: variant ?? "abuse",
        arrivalDate: "2026-12-01T14:59:38.237Z",
        timestamp: "2026-12-01T14:59:38.237Z",
        feedbackId: "000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000",
      },
      ...common,
    };
  }
  return {
    notificationType: "Bounce",
    bounce: {
      bounceType: variant ?? "Permanent",
      bounceSubType: "General",
      bouncedRecipients: recipients.map((emailAddress) => ({
        emailAddress,
        action: "failed",
        status: "5.1.1",
        diagnosticCode: "smtp; 550 5.1.1 user unknown",
      })),
      timestamp: "2026-12-01T14:59:38.237Z",
      feedbackId: "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000",
      remoteMtaIp: "192.0.2.20",
      reportingMTA: "dsn; a1-2.smtp-out.amazonses.com",
    },
    ...common,
  };
}

const SNS_CERT_URL =
  "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem";
export const SES_TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-feedback";

type SnsFields = Record<string, string>;

/** An SNS Notification carrying `message` (docs.aws.amazon.com/sns: HTTP/HTTPS notification JSON). */
export function snsNotification(message: unknown, overrides: SnsFields = {}): SnsFields {
  return {
    Type: "Notification",
    MessageId: crypto.randomUUID(),
    TopicArn: SES_TOPIC,
    Message: JSON.stringify(message),
    Timestamp: "2026-12-01T15:00:06.655Z",
    SignatureVersion: "1",
    SigningCertURL: SNS_CERT_URL,
    UnsubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${SES_TOPIC}:2bcfbf39`,
    ...overrides,
  };
}

/** An SNS SubscriptionConfirmation for SES_TOPIC. */
export function snsSubscriptionConfirmation(): SnsFields {
  const token = crypto.randomBytes(32).toString("hex");
  return {
    Type: "SubscriptionConfirmation",
    MessageId: crypto.randomUUID(),
    Token: token,
    TopicArn: SES_TOPIC,
    Message: `You have chosen to subscribe to the topic ${SES_TOPIC}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    SubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${SES_TOPIC}&Token=${token}`,
    Timestamp: "2026-12-01T14:45:04.751Z",
    SignatureVersion: "2",
    SigningCertURL: SNS_CERT_URL,
  };
}

/**
 * Signs an SNS message as SNS does, written here from AWS's page "Verifying the signatures of
 * Amazon SNS messages" (not from the code under test): "Key\nValue\n" for each field in byte
 * order of the names, Notification: Message, MessageId, Subject (if any), Timestamp, TopicArn,
 * Type; confirmations: Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type.
 */
export function signSns(fields: SnsFields): SnsFields {
  const names =
    fields.Type === "Notification"
      ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
      : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  let text = "";
  for (const name of names) {
    if (fields[name] !== undefined) text += `${name}\n${fields[name]}\n`;
  }
  const signer = crypto.createSign(fields.SignatureVersion === "2" ? "RSA-SHA256" : "RSA-SHA1");
  signer.update(text, "utf8");
  return { ...fields, Signature: signer.sign(SNS_TEST_KEY, "base64") };
}
