import type { Command } from "commander";
import { InputError } from "../../errors";
import { applyImport, planImport } from "../../subscribers/import-subscribers";
import { readSubscriberCsv, type RejectedRow } from "../../subscribers/read-subscriber-csv";
import { printJson, withApp, type CliIO } from "../command-context";
import { countProgress } from "../count-progress";
import { printable } from "../../transport/control-characters";

interface ImportFlags {
  confirmed: boolean;
  skipInvalid: boolean;
  json?: boolean;
}

/**
 * `subscriber import <csv>`: every row is read and checked before anything is written. With bad
 * rows the report lists them (line and reason) and nothing changes, unless --skip-invalid asks
 * for the good rows to go in anyway. Rows equal to what is stored change nothing.
 */
export function registerSubscriberImport(subscriber: Command, io: CliIO): void {
  subscriber
    .command("import <csv>")
    .description(
      "add or update subscribers from CSV: email,keywords[,language,status]; keywords split by ; or |",
    )
    .option(
      "--confirmed",
      "new subscribers without a status are active at once (otherwise pending)",
      false,
    )
    .option("--skip-invalid", "import the good rows even when some are rejected", false)
    .option("--json", "print the report as JSON")
    .action(async (file: string, opts: ImportFlags) => {
      await withApp(io, async (app) => {
        const reading = countProgress(io, "rows read", 10_000);
        const read = await readSubscriberCsv(file, (bytes, size, rows) =>
          reading.update(bytes, size, rows),
        );
        reading.stop(read.rows.length + read.rejected.length);
        const known = await app.subscribers.findByEmails(read.rows.map((row) => row.email));
        const existing = new Map(known.map((s) => [s.email, s]));
        const suppressed = new Map((await app.suppressions.list()).map((s) => [s.email, s]));
        const status = opts.confirmed ? "active" : "pending";
        const plan = planImport(read.rows, existing, status, suppressed);
        const rejected = [...read.rejected, ...plan.rejected].sort((a, b) => a.line - b.line);
        const proceed = rejected.length === 0 || opts.skipInvalid;
        const writing = countProgress(io, "subscribers written", 1_000);
        const done = proceed
          ? await applyImport(
              { subscribers: app.subscribers, subscriptions: app.subscriptionStore },
              plan.actions,
              app.config.digest.timeZone,
              (n) => writing.update(n, plan.actions.length),
            )
          : { added: 0, updated: 0 };
        writing.stop(done.added + done.updated);
        const report = { file, ...done, unchanged: proceed ? plan.unchanged : 0, rejected };
        if (opts.json) printJson(io, report);
        else printReport(io, report, proceed);
        if (!proceed) {
          throw new InputError(
            `${rejected.length} row(s) rejected; nothing imported (fix them, or give --skip-invalid)`,
          );
        }
      });
    });
}

function printReport(
  io: CliIO,
  report: { added: number; updated: number; unchanged: number; rejected: RejectedRow[] },
  imported: boolean,
) {
  for (const r of report.rejected) {
    // The address is as the file wrote it: a CR or an escape in it must not reach the terminal.
    io.out(`line ${r.line}${r.email ? ` (${printable(r.email)})` : ""}: ${printable(r.reason)}`);
  }
  if (imported) {
    io.out(
      `added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`,
    );
  }
}
