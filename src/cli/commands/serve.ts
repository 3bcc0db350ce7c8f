import { onDemand } from "../../on-demand";
import { withApp, type CommandRegistrar } from "../command-context";

export const registerServeCommand: CommandRegistrar = (program, io) => {
  program
    .command("serve")
    .description("run the web server and the scheduler until stopped (npm start)")
    .action(async () => {
      await withApp(io, (app) => onDemand.service().runService(app));
    });
};
