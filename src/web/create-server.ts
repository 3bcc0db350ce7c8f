import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger } from "fastify";
import { notFoundHandler, pageErrorHandler } from "./page-errors";
import { SECURITY_HEADERS } from "./page-layout";
import { registerPages, type PagesDeps } from "./register-pages";
import { loggedWhenAnswered, OneLinePerRequest } from "./request-log";
import { registerWebhookRoutes, type WebhookDeps } from "./webhook-routes";

/** Bodies are small forms; anything larger is not ours. */
const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * The HTTP server: health check, the pages people reach (subscribe, links in the digests) and,
 * with `webhooks`, the provider webhooks that are configured.
 * `trustProxy`: the proxies whose X-Forwarded-For is believed (TRUST_PROXY; none by default). A
 * client cannot pick its own address, and so step around the per-client limits, by sending the
 * header itself.
 */
export function createServer(
  app: PagesDeps & { databaseAnswers(): Promise<void> },
  options: { trustProxy: readonly string[]; webhooks?: WebhookDeps },
) {
  const requestLog = new OneLinePerRequest();
  const server = Fastify({
    // pino's own type is narrower than fastify's; fastify only calls the base logger methods.
    loggerInstance: app.logger as FastifyBaseLogger,
    logController: requestLog,
    // The router's own refusals (a bad URL, a parameter over maxParamLength) are pages too.
    frameworkErrors: loggedWhenAnswered(requestLog, pageErrorHandler),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy.length > 0 ? [...options.trustProxy] : false,
  });
  void server.register(formbody);
  server.addHook("onSend", async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  server.setErrorHandler(pageErrorHandler);
  server.setNotFoundHandler(notFoundHandler);
  server.get("/healthz", { config: { jsonErrors: true } }, async (_request, reply) => {
    await app.databaseAnswers();
    return reply.send({ status: "ok" });
  });
  void server.register(async (scope) => registerPages(scope, app));
  const { webhooks } = options;
  if (webhooks) void server.register(async (scope) => registerWebhookRoutes(scope, webhooks));
  return server;
}
