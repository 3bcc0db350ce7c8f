import { benchMatch } from "./match-queries.bench";
import { benchParse } from "./parse-feed.bench";
import { benchRender } from "./render-digest.bench";
import { benchSend } from "./send-deliveries.bench";
import { benchTranslate } from "./translate.bench";
import type { Figure } from "./figures";

/** `npm run bench [-- --json]`: one line per figure, `name: value unit`. */
async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const figures: Figure[] = [];
  for (const bench of [benchParse, benchMatch, benchRender, benchTranslate, benchSend]) {
    for (const figure of await bench()) {
      figures.push(figure);
      if (!json) {
        const budget = figure.budget ? `  (budget ${figure.budget})` : "";
        process.stdout.write(`${figure.name}: ${figure.value} ${figure.unit}${budget}\n`);
      }
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
