import Fastify from "fastify";
import type { ServiceMetrics } from "./service-metrics";

/**
 * GET /metrics in Prometheus text format, on a server of its own (METRICS_HOST:METRICS_PORT,
 * loopback by default): for a scraper on the same host, not for anyone who can reach the pages.
 */
export function createMetricsServer(metrics: ServiceMetrics) {
  const server = Fastify();
  server.get("/metrics", async (_request, reply) => {
    const body = await metrics.render();
    return reply.type(metrics.contentType).send(body);
  });
  return server;
}
