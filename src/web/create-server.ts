import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger, type FastifyRequest } from "fastify";
import { redactLinkKeys } from "../subscribers/subscriber-links";
import { SECURITY_HEADERS } from "./page-layout";
import { registerPages, type PagesDeps } from "./register-pages";
import { registerWebhookRoutes, type WebhookDeps } from "./webhook-routes";

/** Bodies are small forms; anything larger is not ours. */
const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * What a log line says of a request: fastify's fields, with the link tokens in the URL redacted
 * (every digest and link mail puts one there).
 */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactLinkKeys(request.url),
    remoteAddress: request.ip,
  };
}

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
  const server = Fastify({
    // pino's own type is narrower than fastify's; fastify only calls the base logger methods.
    loggerInstance: app.logger.child(
      {},
      { serializers: { req: requestForLog } },
    ) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy.length > 0 ? [...options.trustProxy] : false,
  });
  void server.register(formbody);
  server.addHook("onSend", async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  server.get("/healthz", async (_request, reply) => {
    await app.databaseAnswers();
    return reply.send({ status: "ok" });
  });
  void server.register(async (scope) => registerPages(scope, app));
  const { webhooks } = options;
  if (webhooks) void server.register(async (scope) => registerWebhookRoutes(scope, webhooks));
  return server;
}
