import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger } from "fastify";
import type { App } from "../container";
import { SECURITY_HEADERS } from "./page-layout";
import { registerUnsubscribeRoutes } from "./unsubscribe-routes";

/** Bodies are small forms; anything larger is not ours. */
const BODY_LIMIT_BYTES = 16 * 1024;

/** The HTTP server: health check and the pages reached from links in the digests. */
export function createServer(app: Pick<App, "logger" | "db" | "deliveries" | "subscribers">) {
  const server = Fastify({
    // pino's own type is narrower than fastify's; fastify only calls the base logger methods.
    loggerInstance: app.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: true,
  });
  void server.register(formbody);
  server.addHook("onSend", async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  server.get("/healthz", async (_request, reply) => {
    await app.db.$queryRawUnsafe("SELECT 1");
    return reply.send({ status: "ok" });
  });
  registerUnsubscribeRoutes(server, app);
  return server;
}
