import fs from "node:fs";
import { stringify } from "csv-stringify/sync";
import type { Command } from "commander";
import type { App } from "../../container";
import type { Subscriber, SubscriberStatus } from "../../subscribers/subscriber";
import { InputError, NotFoundError } from "../../errors";
import { normalizeEmail } from "../../transport/email-address";
import { joinKeywords, safeCell } from "../../subscribers/subscriber-csv-cells";
import { openOutputFile } from "../output-file";
import { registerSubscriberImport } from "./subscriber-import";
import { printJson, withApp, type CliIO, type CommandRegistrar } from "../command-context";

/** subscriber import / export / show / pause / resume, added to the `subscriber` command. */
export const registerSubscriberAdminCommands: CommandRegistrar = (program, io) => {
  const subscriber = program.commands.find((c) => c.name() === "subscriber");
  if (!subscriber) throw new Error("register the subscriber commands first");
  registerSubscriberImport(subscriber, io);

  subscriber
    .command("export")
    .description(
      "write every subscriber as CSV (email,keywords,language,status), to stdout or --out",
    )
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (opts: { out?: string }) => {
      await withApp(io, async (app) => {
        // A page at a time, so a list of any length is written in bounded memory.
        const file = opts.out === undefined ? undefined : openOutputFile(opts.out);
        const write = (csv: string) =>
          file === undefined ? io.out(csv.trimEnd()) : fs.writeSync(file, csv);
        let written = 0;
        try {
          for await (const page of app.subscribers.pages()) {
            write(csvRows(page, written === 0));
            written += page.length;
          }
          if (written === 0) write(csvRows([], true));
        } finally {
          if (file !== undefined) fs.closeSync(file);
        }
        if (opts.out) io.err(`wrote ${written} subscriber(s) to ${opts.out}`);
      });
    });

  subscriber
    .command("show <email>")
    .description("one subscriber: status, language, keywords and their latest digests")
    .option("--json", "print JSON")
    .action(async (email: string, opts: { json?: boolean }) => {
      await withApp(io, async (app) => {
        const found = await findSubscriber(app, email);
        const digests = await app.stats.deliveriesOf(found.id, 10);
        if (opts.json) return printJson(io, { ...found, digests });
        io.out(`${found.email} · ${found.status} · ${found.language} · ${found.timeZone}`);
        io.out(
          `subscribed ${found.createdAt.toISOString()}; hard bounces in a row: ${found.hardBounces}`,
        );
        for (const k of found.keywords) io.out(`keyword: ${k}`);
        if (digests.length === 0) io.out("no digest yet");
        for (const d of digests) {
          io.out(
            `digest ${d.editionDate}: ${d.status}${d.sentAt ? ` ${d.sentAt.toISOString()}` : ""}, ${d.papers} paper(s)`,
          );
        }
      });
    });

  statusCommand(subscriber, io, "pause", { from: "active", to: "paused" });
  statusCommand(subscriber, io, "resume", { from: "paused", to: "active" });
};

/** `pause` and `resume`: one allowed move each; anything else says why and changes nothing. */
function statusCommand(
  subscriber: Command,
  io: CliIO,
  name: string,
  move: { from: SubscriberStatus; to: SubscriberStatus },
) {
  subscriber
    .command(`${name} <email>`)
    .description(
      `${move.from} → ${move.to}: ${move.to === "paused" ? "no digests until resumed" : "digests again"}`,
    )
    .action(async (email: string) => {
      await withApp(io, async (app) => {
        const found = await findSubscriber(app, email);
        if (found.status === move.to)
          return io.out(`${found.email} is already ${move.to}; nothing changed`);
        const moved = await app.subscriptionStore.changeStatus(found.id, [move.from], move.to);
        if (!moved) {
          throw new InputError(
            `${found.email} is ${found.status}; only a ${move.from} subscriber can be ${name}d`,
          );
        }
        io.out(`${found.email} is now ${move.to}`);
      });
    });
}

/** Subscribers as export CSV lines (the header first when `header`). */
function csvRows(subscribers: readonly Subscriber[], header: boolean): string {
  return stringify(
    subscribers.map((s) => [
      safeCell(s.email),
      safeCell(joinKeywords(s.keywords)),
      s.language,
      s.status,
    ]),
    { header, columns: ["email", "keywords", "language", "status"] },
  );
}

async function findSubscriber(app: App, email: string): Promise<Subscriber> {
  const normalized = normalizeEmail(email);
  const found = await app.subscribers.findByEmail(normalized);
  if (!found) throw new NotFoundError(`no subscriber ${normalized}`);
  return found;
}
