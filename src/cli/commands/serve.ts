import { onDemandCommands } from "../on-demand-commands";
import { withApp, type CommandRegistrar } from "../command-context";

export const registerServeCommand: CommandRegistrar = (program, io) => {
  program
    .command("serve")
    .description("run the web server and the scheduler until stopped (npm start)")
    .action(async () => {
      await withApp(io, (app) => onDemandCommands.service().runService(app));
    });
};
