import { benchMatch } from "./match-queries.bench";
import { benchParse } from "./parse-feed.bench";
import { benchRender } from "./render-digest.bench";
import { benchSend } from "./send-deliveries.bench";
import { benchTranslate } from "./translate.bench";
import { benchScale } from "./edition-at-scale.bench";
import type { Figure } from "./figures";

/** Every bench by the name `--only` takes, in the order they run. */
const BENCHES: Record<string, () => Promise<Figure[]>> = {
  parse: benchParse,
  match: benchMatch,
  render: benchRender,
  translate: benchTranslate,
  send: benchSend,
  scale: benchScale,
};

/** The benches `--only a,b` names (all without it); an unknown name is refused. */
function chosen(argv: readonly string[]): (() => Promise<Figure[]>)[] {
  const at = argv.indexOf("--only");
  if (at === -1) return Object.values(BENCHES);
  const names = (argv[at + 1] ?? "").split(",");
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(
      `--only takes some of ${Object.keys(BENCHES).join(", ")}; not ${unknown.join(", ")}`,
    );
  }
  return names.map((name) => BENCHES[name]!);
}

/** `npm run bench [-- --json] [-- --only scale]`: one line per figure, `name: value unit`. */
async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const figures: Figure[] = [];
  for (const bench of chosen(process.argv)) {
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
