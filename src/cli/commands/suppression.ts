import { NotFoundError } from "../../errors";
import { normalizeEmail } from "../../transport/email-address";
import { printJson, withApp, type CommandRegistrar } from "../command-context";

/** `suppression list | remove <email>`: the addresses that complained or bounced. */
export const registerSuppressionCommands: CommandRegistrar = (program, io) => {
  const suppression = program
    .command("suppression")
    .description(
      "addresses that complained or bounced: subscribed again only by their own double opt-in",
    );
  suppression
    .command("list")
    .description("every suppressed address, oldest first, with why")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withApp(io, async (app) => {
        const all = await app.suppressions.list();
        if (opts.json) return printJson(io, all);
        if (all.length === 0) io.out("no suppressed address");
        for (const s of all) {
          const detail = s.detail ? ` (${s.detail})` : "";
          io.out(`${s.email}\t${s.reason}\t${s.createdAt.toISOString()}${detail}`);
        }
      });
    });
  suppression
    .command("remove <email>")
    .description(
      "take an address off the list (say, after its owner asked); it is not subscribed by this",
    )
    .action(async (email: string) => {
      await withApp(io, async (app) => {
        const address = normalizeEmail(email);
        if (!(await app.suppressions.remove(address))) {
          throw new NotFoundError(`${address} is not suppressed`);
        }
        io.out(`${address} is no longer suppressed`);
      });
    });
};
