import type { HandledMail } from "../../inbound/poll-inbound";
import { onDemandCommands } from "../on-demand-commands";
import { printJson, withApp, type CommandRegistrar } from "../command-context";

/** One line per mail: `#12 alice@uni.edu "subscribe": subscribe-requested, answer sent`. */
function describeHandled(mail: HandledMail): string {
  const who = `#${mail.uid} ${mail.sender ?? "(no sender)"} ${JSON.stringify(mail.subject)}`;
  const detail = mail.detail ? ` (${mail.detail})` : "";
  const answer = mail.answer === "none" ? "" : `, answer ${mail.answer}`;
  return `${who}: ${mail.outcome}${detail}${answer}`;
}

export const registerInboundCommands: CommandRegistrar = (program, io) => {
  const inbound = program
    .command("inbound")
    .description("subscribe by mail: the command mailbox named by INBOUND_IMAP_URL");
  inbound
    .command("poll")
    .description("handle the mailbox's new command mails once, and print what was done")
    .option("--json", "print the handled mails as JSON")
    .action(async (options: { json?: boolean }) => {
      await withApp(io, async (app) => {
        const handled = await onDemandCommands.inboundPoller().pollCommandMailbox(app.mailbox);
        if (options.json) return printJson(io, handled);
        if (handled.length === 0) io.out("no new mail");
        for (const mail of handled) io.out(describeHandled(mail));
      });
    });
};
