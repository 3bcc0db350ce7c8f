import type { FastifyInstance } from "fastify";
import type { App } from "../container";
import { InputError } from "../errors";
import { startInboundPoller } from "../inbound/inbound-poller";
import { createMetricsServer } from "../metrics/metrics-route";
import { ServiceMetrics } from "../metrics/service-metrics";
import { startAppScheduler } from "../scheduler/app-scheduler";
import { createServer } from "../web/create-server";

/**
 * The long-running service behind `serve`: web pages, /metrics, the scheduler and the inbound
 * poller, until SIGTERM (docker stop) or SIGINT. Then no new message is claimed, the ones in
 * flight are recorded, the server closes and the promise resolves (exit 0).
 */
export async function runService(app: App): Promise<void> {
  const shutdown = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    app.logger.info({ signal }, "stopping: finishing the messages in flight");
    shutdown.abort();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  const metrics = new ServiceMetrics(app.stats);
  const { host, port, metricsHost, metricsPort, trustProxy } = app.config.server;
  const server = createServer(app.pages, { trustProxy, webhooks: app.webhooks });
  const metricsServer = createMetricsServer(metrics);
  await listen(server, host, port, "PORT");
  await listen(metricsServer, metricsHost, metricsPort, "METRICS_PORT");
  const inbound = startInboundPoller(app.mailbox);
  const scheduler = startAppScheduler(app.scheduler, shutdown.signal, (result) =>
    metrics.recordRun(result),
  );
  await stopped(shutdown.signal);
  await scheduler.stop();
  await inbound.stop();
  await server.close();
  await metricsServer.close();
  app.logger.info("stopped");
}

/**
 * The pages alone, on 127.0.0.1, until SIGINT or SIGTERM: what `demo` ends with, so that every
 * link of the mail it wrote opens. No scheduler: nothing reaches arXiv.
 */
export async function servePagesUntilStopped(app: App, onListening: () => void): Promise<void> {
  const shutdown = new AbortController();
  process.once("SIGTERM", () => shutdown.abort());
  process.once("SIGINT", () => shutdown.abort());
  const server = createServer(app.pages, { trustProxy: app.config.server.trustProxy });
  await listen(server, "127.0.0.1", app.config.server.port, "PORT");
  onListening();
  await stopped(shutdown.signal);
  await server.close();
}

async function listen(server: FastifyInstance, host: string, port: number, setting: string) {
  await server.listen({ port, host }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== "EADDRINUSE") throw error;
    throw new InputError(`port ${port} is already in use; stop what holds it or set ${setting}`);
  });
}

function stopped(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
