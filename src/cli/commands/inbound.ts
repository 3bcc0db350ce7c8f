import type { HandledMail } from "../../inbound/poll-inbound";
import { onDemandCommands } from "../on-demand-commands";
import { printJson, withApp, type CliIO, type CommandRegistrar } from "../command-context";

/**
 * One line per mail: `#12 alice@uni.edu "subscribe": subscribe-requested, answer sent`, or for a
 * report `#3 bounce.eml: hard-bounce-counted (…)`.
 */
function describeHandled(mail: HandledMail & { file?: string }): string {
  const who =
    mail.sender === undefined && mail.subject === ""
      ? `#${mail.uid}${mail.file ? ` ${mail.file}` : ""}`
      : `#${mail.uid} ${mail.sender ?? "(no sender)"} ${JSON.stringify(mail.subject)}`;
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
        const poller = onDemandCommands.inboundPoller();
        const { inbound, bounceMailbox } = app.mailbox;
        // With neither mailbox set, the command mailbox's poll says which setting is missing.
        const handled =
          inbound || !bounceMailbox ? await poller.pollCommandMailbox(app.mailbox) : [];
        handled.push(...(await poller.pollBounceMailbox(app.mailbox)));
        printHandled(io, handled, options.json, "no new mail");
      });
    });
  inbound
    .command("process <files...>")
    .description(
      "handle mail files (.eml) as a poll would: bounces, complaints and commands; safe to run again",
    )
    .option("--json", "print what was done with each file as JSON")
    .action(async (files: string[], options: { json?: boolean }) => {
      await withApp(io, async (app) => {
        const handled = await onDemandCommands.inboundPoller().processMailFiles(app.mailbox, files);
        const named = handled.map((mail) => ({ ...mail, file: files[mail.uid - 1] }));
        printHandled(io, named, options.json, "no mail");
        const left = handled.filter((m) => m.outcome === "unclassified" || m.outcome === "untied");
        if (!options.json && left.length > 0) {
          io.out(
            `${left.length} of ${handled.length} could not be classified or tied to a delivery`,
          );
        }
      });
    });
};

function printHandled(io: CliIO, handled: HandledMail[], json: boolean | undefined, none: string) {
  if (json) return printJson(io, handled);
  if (handled.length === 0) io.out(none);
  for (const mail of handled) io.out(describeHandled(mail));
}
