import type { SubscriptionService } from "../subscribers/subscription-service";
import type { InboundCommands } from "./inbound-commands";

/**
 * The subscription service seen as the poller's port: subscribe-by-mail goes through the same
 * double opt-in, hourly mail limit and keyword checks as the web pages, never around them.
 */
export function subscriptionCommands(
  service: Pick<
    SubscriptionService,
    "requestSubscription" | "unsubscribeByEmail" | "replaceKeywordsByEmail"
  >,
): InboundCommands {
  return {
    async subscribe(email, queries, language) {
      await service.requestSubscription({ email, queries, language });
    },
    async unsubscribe(email) {
      await service.unsubscribeByEmail(email);
    },
    async replaceKeywords(email, queries) {
      const result = await service.replaceKeywordsByEmail(email, queries);
      return result.found ? "replaced" : "not-subscribed";
    },
  };
}
