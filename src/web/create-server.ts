import Fastify from "fastify";
import type { App } from "../container";

/** The HTTP server. For now it answers health checks; the subscription pages grow here. */
export function createServer(app: App) {
  const server = Fastify({ loggerInstance: app.logger });
  server.get("/healthz", async (_request, reply) => {
    await app.db.$queryRawUnsafe("SELECT 1");
    return reply.send({ status: "ok" });
  });
  return server;
}
