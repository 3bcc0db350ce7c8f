import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type pino from "pino";
import type { EditionStore } from "../arxiv/edition";
import type { DigestHtmlTemplate } from "../digest/digest-html-template";
import type { DeliveryStore } from "../mail/delivery";
import type { SubscriberStore } from "../subscribers/subscriber";
import type { SubscriptionService } from "../subscribers/subscription-service";
import { ClientCounts, clientKey, limitLinkGuesses, sharedStore } from "./client-budgets";
import { registerConfirmRoutes } from "./confirm-routes";
import { createDigestPreviewer } from "./digest-preview";
import { registerDigestViewRoutes } from "./digest-view-routes";
import { createEditionContentCache } from "./edition-content-cache";
import { registerManageRoutes } from "./manage-routes";
import { pageErrorHandler } from "./page-errors";
import { registerSubscribeRoutes } from "./subscribe-routes";
import { registerUnsubscribeRoutes } from "./unsubscribe-routes";

/** The settings the pages read: where links point, who mail is from, what a digest holds. */
interface PageSettings {
  publicUrl: string;
  mailFrom: string;
  maxPapers: number;
  includeReplacements: boolean;
  translates: boolean;
  summaries: boolean;
}

/** What the pages use: the subscription service, three narrow store ports and the template. */
export interface PagesDeps {
  logger: pino.Logger;
  settings: PageSettings;
  subscriptions: SubscriptionService;
  subscribers: Pick<SubscriberStore, "unsubscribe">;
  deliveries: Pick<DeliveryStore, "findForLink">;
  editions: Pick<EditionStore, "latest" | "findByDate" | "papersOf">;
  template(): Promise<DigestHtmlTemplate>;
}

/**
 * Every page people reach: subscribe, confirm, manage, web view, unsubscribe. Registered as one
 * plugin so its per-IP rate limits and its error pages apply to these routes only (not to
 * /healthz or /metrics).
 */
export async function registerPages(scope: FastifyInstance, app: PagesDeps): Promise<void> {
  // One count per client and group for the whole server (see client-budgets.ts).
  const counts = new ClientCounts();
  await scope.register(rateLimit, {
    global: false,
    store: sharedStore(counts),
    keyGenerator: clientKey,
  });
  limitLinkGuesses(scope, counts);
  scope.setErrorHandler(pageErrorHandler);

  const { subscriptions } = app;
  const { publicUrl } = app.settings;
  const contentOf = createEditionContentCache(app);
  registerSubscribeRoutes(scope, { subscriptions });
  registerConfirmRoutes(scope, { subscriptions, publicUrl });
  registerManageRoutes(scope, {
    subscriptions,
    publicUrl,
    preview: createDigestPreviewer(app, contentOf),
  });
  registerDigestViewRoutes(scope, {
    subscriptions,
    settings: app.settings,
    editions: app.editions,
    template: () => app.template(),
    contentOf,
  });
  // A scope of its own: one-click unsubscribe takes any body (see registerUnsubscribeRoutes).
  await scope.register(async (unsubscribe) => registerUnsubscribeRoutes(unsubscribe, app));
}
