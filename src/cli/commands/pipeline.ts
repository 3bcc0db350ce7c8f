import type { App } from "../../container";
import { InputError } from "../../errors";
import { allPages } from "../../subscribers/subscriber";
import { describeIngest } from "../../arxiv/fetch-edition";
import { collect, printJson, withApp, type CliIO, type CommandRegistrar } from "../command-context";
import { sendProgressReporter } from "../send-progress";

interface SendFlags {
  edition?: string;
  dryRun?: boolean;
  only?: string;
  force?: boolean;
  json?: boolean;
}

export const registerPipelineCommands: CommandRegistrar = (program, io) => {
  program
    .command("fetch")
    .description("fetch the arXiv feeds (or read --feed-file) and store the edition")
    .option(
      "--feed-file <xml>",
      "read this arXiv RSS file instead of downloading (repeatable)",
      collect,
    )
    .option(
      "--categories <list>",
      "categories to download, e.g. cs.AI+cs.LG (default ARXIV_CATEGORIES)",
    )
    .action(async (opts: { feedFile?: string[]; categories?: string }) => {
      await withApp(io, async (app) => {
        const result = await app.fetchEdition({
          feedFiles: opts.feedFile,
          categories: opts.categories?.split(/[+,]/),
        });
        io.out(describeIngest(result));
      });
    });

  program
    .command("send")
    .description("mail the edition's digests to every matching subscriber (each exactly once)")
    .option("--edition <yyyy-mm-dd>", "which edition (default: the latest)")
    .option("--dry-run", "show who would get what; write and send nothing")
    .option("--only <email>", "only this subscriber")
    .option("--force", "with --only: send that digest again, even if it was sent")
    .option("--json", "print JSON")
    .action(async (opts: SendFlags) => withApp(io, (app) => send(app, io, opts)));

  program
    .command("run")
    .description("fetch, then send: the whole day's job once")
    .option(
      "--feed-file <xml>",
      "read this arXiv RSS file instead of downloading (repeatable)",
      collect,
    )
    .option("--json", "print JSON")
    .action(async (opts: { feedFile?: string[]; json?: boolean }) => {
      await withApp(io, async (app) => {
        const result = await app.fetchEdition({ feedFiles: opts.feedFile });
        if (!opts.json) io.out(describeIngest(result));
        if (result.kind === "empty") return;
        await send(app, io, { edition: result.edition.date, json: opts.json });
      });
    });
};

async function send(app: App, io: CliIO, opts: SendFlags): Promise<void> {
  if (opts.force && !opts.only)
    throw new InputError("--force resends one digest: give --only <email>");
  if (opts.dryRun) {
    const { edition, plan } = await app.planEdition({
      editionDate: opts.edition,
      onlyEmail: opts.only,
    });
    if (opts.json) return printJson(io, { edition: edition.date, plan: await allPages(plan) });
    let planned = 0;
    for await (const page of plan) {
      for (const p of page) io.out(`would send to ${p.email}: ${p.subject}`);
      planned += page.length;
    }
    io.out(`dry run: ${planned} digest(s) for edition ${edition.date}; nothing sent`);
    return;
  }
  const progress = sendProgressReporter(io);
  const result = await app
    .deliverEdition({
      editionDate: opts.edition,
      onlyEmail: opts.only,
      force: opts.force,
      onProgress: (p, total) => progress.update(p, total),
    })
    .finally(() => progress.stop());
  const { edition, ...counts } = result;
  if (opts.json)
    return printJson(io, { edition: edition.date, via: app.transport().description, ...counts });
  io.out(
    `edition ${edition.date} via ${app.transport().description}: sent ${counts.sent}, failed ${counts.failed}, ` +
      `retrying later ${counts.retrying}, uncertain ${counts.uncertain} (${counts.recipients} matching subscribers)`,
  );
  if (counts.stoppedAtHourlyLimit) {
    io.out("stopped at SEND_RATE_PER_HOUR; the rest stay queued: run send again later");
  }
  if (counts.requeued > 0) {
    io.out(
      `${counts.requeued} digest(s) an earlier run had claimed but not handed over when it stopped ` +
        "were queued again (they cannot have arrived)",
    );
  }
  if (counts.uncertain > 0) {
    io.out(
      `${counts.uncertain} digest(s) were handed over when an earlier run stopped; they may or may not ` +
        "have arrived and are not resent (see docs/glossary.md, uncertain)",
    );
  }
}
