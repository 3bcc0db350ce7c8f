import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger, type FastifyRequest } from "fastify";
import { redactLinkKeys } from "../subscribers/subscriber-links";
import { SECURITY_HEADERS } from "./page-layout";
import { registerPages, type PagesDeps } from "./register-pages";

/** Bodies are small forms; anything larger is not ours. */
const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Proxies whose X-Forwarded-For is believed: local ones only (a reverse proxy on the same host,
 * network or container bridge). A client on the internet cannot pick its own IP address, and so
 * cannot step around the per-IP rate limits, by sending the header itself.
 */
const TRUSTED_PROXIES = ["loopback", "linklocal", "uniquelocal"];

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

/** The HTTP server: health check and the pages people reach (subscribe, links in the digests). */
export function createServer(app: PagesDeps & { databaseAnswers(): Promise<void> }) {
  const server = Fastify({
    // pino's own type is narrower than fastify's; fastify only calls the base logger methods.
    loggerInstance: app.logger.child(
      {},
      { serializers: { req: requestForLog } },
    ) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: TRUSTED_PROXIES,
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
  return server;
}
