import type { WebhookVerdict } from "./provider-report";
import { readSesNotification } from "./ses-notification";
import { readSnsMessage, snsUrl } from "./sns-message";
import type { SnsFetcher, SnsSignatures } from "./sns-signatures";
import type { SesWebhookSettings } from "./webhook-settings";

/** What reading SES's SNS messages uses. */
export interface SesWebhookDeps {
  settings: SesWebhookSettings;
  signatures: SnsSignatures;
  fetcher: SnsFetcher;
}

/**
 * An SNS message from SES's topic: refused unless it is from a configured topic and signed by
 * SNS; a subscription confirmation is confirmed by fetching its SubscribeURL (on an SNS host
 * only); a notification is read for bounces and complaints.
 */
export async function sesVerdict(deps: SesWebhookDeps, body: string): Promise<WebhookVerdict> {
  const reading = readSnsMessage(body);
  if (!reading.ok) {
    return { kind: "refused", status: 401, detail: `not a signed SNS message: ${reading.detail}` };
  }
  const message = reading.value;
  if (!deps.settings.topicArns.includes(message.TopicArn)) {
    return {
      kind: "refused",
      status: 403,
      detail: `topic ${message.TopicArn} is not SES_WEBHOOK_TOPIC_ARN`,
    };
  }
  const check = await deps.signatures.check(message);
  if (!check.ok) return { kind: "refused", status: 403, detail: check.detail };
  if (message.Type === "Notification")
    return readSesNotification(message.Message, message.MessageId);
  if (message.Type === "UnsubscribeConfirmation") {
    return { kind: "ignored", detail: `unsubscribed from ${message.TopicArn}` };
  }
  const confirm = snsUrl(message.SubscribeURL);
  if (!confirm) return { kind: "invalid", detail: "SubscribeURL is not https on an SNS host" };
  // A failure throws: the request is answered 500 and logged, and the subscription stays pending.
  await deps.fetcher(confirm);
  return { kind: "ignored", detail: `subscription to ${message.TopicArn} confirmed` };
}
