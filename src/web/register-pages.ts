import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { App } from "../container";
import { registerConfirmRoutes } from "./confirm-routes";
import { createDigestPreviewer } from "./digest-preview";
import { registerDigestViewRoutes } from "./digest-view-routes";
import { createEditionContentCache } from "./edition-content-cache";
import { registerManageRoutes } from "./manage-routes";
import { pageErrorHandler } from "./page-errors";
import { registerSubscribeRoutes } from "./subscribe-routes";
import { registerUnsubscribeRoutes } from "./unsubscribe-routes";

/** What the pages use of the application. */
export type PagesApp = Pick<
  App,
  "logger" | "config" | "deliveries" | "subscribers" | "subscriptions" | "editions" | "template"
>;

/**
 * Every page people reach: subscribe, confirm, manage, web view, unsubscribe. Registered as one
 * plugin so its per-IP rate limits and its error pages apply to these routes only (not to
 * /healthz or /metrics).
 */
export async function registerPages(scope: FastifyInstance, app: PagesApp): Promise<void> {
  await scope.register(rateLimit, { global: false });
  scope.setErrorHandler(pageErrorHandler);

  const { subscriptions } = app;
  const publicUrl = app.config.publicUrl;
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
    config: app.config,
    editions: app.editions,
    template: () => app.template(),
    contentOf,
  });
  registerUnsubscribeRoutes(scope, app);
}
