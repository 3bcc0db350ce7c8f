/** Postmark signs nothing: its webhook URL carries basic-auth credentials only we know. */
export interface PostmarkWebhookSettings {
  user: string;
  password: string;
}

/** Mailgun signs each event with the account's webhook signing key (HMAC-SHA-256). */
export interface MailgunWebhookSettings {
  signingKey: string;
}

/**
 * Amazon SES reports through an SNS topic. SNS signs every message, but any AWS account can make
 * a topic and point it here, so only the topics named are taken.
 */
export interface SesWebhookSettings {
  topicArns: string[];
}

/** The provider webhooks that are on: each one only when its secret (or topic) is configured. */
export interface WebhookSettings {
  postmark?: PostmarkWebhookSettings;
  mailgun?: MailgunWebhookSettings;
  ses?: SesWebhookSettings;
}
