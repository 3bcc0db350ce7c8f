import { type EditionSummary } from "../../metrics/service-stats";
import { InputError } from "../../errors";
import { printJson, withApp, type CommandRegistrar } from "../command-context";

/** `editions list`: the stored editions, newest first, with their digests' states. */
export const registerEditionsCommands: CommandRegistrar = (program, io) => {
  const editions = program.command("editions").description("the stored arXiv editions");
  editions
    .command("list")
    .description("the latest editions with their papers and digests by status")
    .option("--limit <n>", "how many (newest first)", "20")
    .option("--json", "print JSON")
    .action(async (opts: { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new InputError(`--limit must be a whole number above 0 (got "${opts.limit}")`);
      }
      await withApp(io, async (app) => {
        const list = await app.stats.latestEditions(limit);
        if (opts.json) return printJson(io, list);
        if (list.length === 0) io.out('no edition yet; run "arxiv-digest fetch"');
        for (const e of list) io.out(describeEdition(e));
      });
    });
};

/** "2025-10-17  sent  512 papers  digests: sent 30, failed 1 …" (only the states present). */
export function describeEdition(e: EditionSummary): string {
  const digests = Object.entries(e.deliveries)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status} ${n}`)
    .join(", ");
  return `${e.date}\t${e.status}\t${e.papers} papers\tdigests: ${digests || "none"}${describeFeedback(e)}`;
}

/**
 * Bounces and complaints as shares of the digests sent: the figures mailbox providers judge a
 * sender by (Gmail wants complaints under 0.3 %, so those get two decimals).
 */
function describeFeedback(e: EditionSummary): string {
  const { hard, soft, complaint } = e.feedback;
  if (e.deliveries.sent === 0 || hard + soft + complaint === 0) return "";
  const share = (n: number, digits: number) =>
    `${((100 * n) / e.deliveries.sent).toFixed(digits)} %`;
  return `\tbounces: hard ${hard} (${share(hard, 1)}), soft ${soft} (${share(soft, 1)}); complaints ${complaint} (${share(complaint, 2)})`;
}
