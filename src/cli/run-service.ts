import type { App } from "../container";
import { InputError } from "../errors";
import { startInboundPoller } from "../inbound/inbound-poller";
import { registerMetricsRoute } from "../metrics/metrics-route";
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
  const server = createServer(app.pages);
  registerMetricsRoute(server, metrics);
  const port = app.config.server.port;
  await server.listen({ port, host: "0.0.0.0" }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== "EADDRINUSE") throw error;
    throw new InputError(`port ${port} is already in use; stop what holds it or set PORT`);
  });
  const inbound = startInboundPoller(app.mailbox);
  const scheduler = startAppScheduler(app.scheduler, shutdown.signal, (result) =>
    metrics.recordRun(result),
  );
  await new Promise<void>((resolve) => {
    if (shutdown.signal.aborted) resolve();
    shutdown.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await scheduler.stop();
  await inbound.stop();
  await server.close();
  app.logger.info("stopped");
}
