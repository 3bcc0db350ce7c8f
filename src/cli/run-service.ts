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
  await listenOn(server, app.config.server.port, "0.0.0.0");
  const inbound = startInboundPoller(app.mailbox);
  const scheduler = startAppScheduler(app.scheduler, shutdown.signal, (result) =>
    metrics.recordRun(result),
  );
  await stopped(shutdown.signal);
  await scheduler.stop();
  await inbound.stop();
  await server.close();
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
  const server = createServer(app.pages);
  await listenOn(server, app.config.server.port, "127.0.0.1");
  onListening();
  await stopped(shutdown.signal);
  await server.close();
}

async function listenOn(server: ReturnType<typeof createServer>, port: number, host: string) {
  await server.listen({ port, host }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== "EADDRINUSE") throw error;
    throw new InputError(`port ${port} is already in use; stop what holds it or set PORT`);
  });
}

function stopped(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
