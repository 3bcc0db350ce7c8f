import type { FastifyInstance } from "fastify";
import type { ServiceMetrics } from "./service-metrics";

/** GET /metrics in Prometheus text format (scraped from inside the deployment, not linked). */
export function registerMetricsRoute(server: FastifyInstance, metrics: ServiceMetrics): void {
  server.get("/metrics", async (_request, reply) => {
    const body = await metrics.render();
    return reply.type(metrics.contentType).send(body);
  });
}
