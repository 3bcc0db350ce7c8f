import { describeIngest, fetchEdition } from "../../arxiv/fetch-edition";
import { deliverEdition } from "../../mail/deliver-edition";
import { startScheduler } from "../../scheduler";
import { createServer } from "../../web/create-server";
import { withApp, type CommandRegistrar } from "../command-context";

export const registerServeCommand: CommandRegistrar = (program, io) => {
  program
    .command("serve")
    .description("run the web server and the daily scheduler until stopped (npm start)")
    .action(async () => {
      await withApp(io, async (app) => {
        const server = createServer(app);
        const scheduler = startScheduler(
          app.config.schedule,
          async () => {
            const result = await fetchEdition(app, {});
            app.logger.info(describeIngest(result));
            if (result.kind === "empty") return;
            const sent = await deliverEdition(app, { editionDate: result.edition.date });
            app.logger.info(
              { edition: sent.edition.date, sent: sent.sent, failed: sent.failed },
              "edition sent",
            );
          },
          app.logger,
        );
        await server.listen({ port: app.config.server.port, host: "0.0.0.0" });
        await new Promise<void>((resolve) => {
          process.once("SIGTERM", resolve);
          process.once("SIGINT", resolve);
        });
        await scheduler.stop();
        await server.close();
      });
    });
};
