import { createStatsStore } from "../../db/stats-store";
import { startInboundPoller } from "../../inbound/inbound-poller";
import { registerMetricsRoute } from "../../metrics/metrics-route";
import { ServiceMetrics } from "../../metrics/service-metrics";
import { startAppScheduler } from "../../scheduler/app-scheduler";
import { InputError } from "../../errors";
import { createServer } from "../../web/create-server";
import { withApp, type CommandRegistrar } from "../command-context";

export const registerServeCommand: CommandRegistrar = (program, io) => {
  program
    .command("serve")
    .description("run the web server and the scheduler until stopped (npm start)")
    .action(async () => {
      await withApp(io, async (app) => {
        // SIGTERM (docker stop) and SIGINT end the service: no new message is claimed, the ones
        // in flight are recorded, then the server closes and the process exits 0.
        const shutdown = new AbortController();
        const stop = (signal: NodeJS.Signals) => {
          app.logger.info({ signal }, "stopping: finishing the messages in flight");
          shutdown.abort();
        };
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
        const metrics = new ServiceMetrics(createStatsStore(app.db));
        const server = createServer(app);
        registerMetricsRoute(server, metrics);
        const port = app.config.server.port;
        await server.listen({ port, host: "0.0.0.0" }).catch((error: unknown) => {
          if ((error as { code?: unknown }).code !== "EADDRINUSE") throw error;
          throw new InputError(`port ${port} is already in use; stop what holds it or set PORT`);
        });
        const inbound = startInboundPoller(app);
        const scheduler = startAppScheduler(app, shutdown.signal, (result) =>
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
      });
    });
};
