import { printJson, withApp, type CommandRegistrar } from "../command-context";
import { describeEdition } from "./editions";

/** How many editions and scheduled runs `stats` shows. */
const LATEST = 5;

/** `stats`: subscribers, digests, translation cache, latest editions and scheduled runs. */
export const registerStatsCommand: CommandRegistrar = (program, io) => {
  program
    .command("stats")
    .description("subscribers by status, digests by status, translations, latest editions and runs")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withApp(io, async (app) => {
        const stats = app.stats;
        const [counts, editions, runs] = await Promise.all([
          stats.counts(),
          stats.latestEditions(LATEST),
          app.runLocks.recent(LATEST),
        ]);
        const scheduledRuns = runs.map((r) => ({
          edition: r.editionDate,
          status: r.status,
          attempts: r.attempts,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          result: parseDetail(r.detail),
        }));
        if (opts.json) return printJson(io, { ...counts, latestEditions: editions, scheduledRuns });
        io.out(`subscribers: ${listCounts(counts.subscribers)}`);
        io.out(`digests: ${listCounts(counts.deliveries)}`);
        const providers = listCounts(counts.translations.byProvider);
        io.out(
          `translation cache: ${counts.translations.stored} stored${providers ? ` (${providers})` : ""}`,
        );
        io.out(editions.length ? "latest editions:" : "no edition yet");
        for (const e of editions) io.out(`  ${describeEdition(e)}`);
        if (scheduledRuns.length) io.out("scheduled runs:");
        for (const r of scheduledRuns)
          io.out(`  ${r.edition}\t${r.status}\t${describeResult(r.result)}`);
      });
    });
};

function listCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([key, n]) => `${key} ${n}`)
    .join(", ");
}

/** A run's detail is JSON counts when it was delivered, a sentence otherwise. */
function parseDetail(detail: string | null): Record<string, unknown> | string | null {
  if (detail === null) return null;
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return detail;
  }
}

function describeResult(result: Record<string, unknown> | string | null): string {
  if (result === null || typeof result === "string") return result ?? "";
  const n = (key: string) => (typeof result[key] === "number" ? result[key] : 0);
  const cache =
    "translation_cached" in result
      ? `; translations: ${n("translation_translated")} new, ${n("translation_cached")} from the cache`
      : "";
  return `sent ${n("sent")}, failed ${n("failed")}, retrying ${n("retrying")}${cache}`;
}
