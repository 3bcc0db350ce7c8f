import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArxivFeed } from "../src/arxiv/parse-arxiv-feed";
import { ingestEdition } from "../src/arxiv/ingest-edition";
import { loadConfig } from "../src/config";
import { createApp } from "../src/container";
import { openDatabase } from "../src/db/create-database";
import { databaseTarget } from "../src/db/database-target";
import { EditionContent } from "../src/digest/edition-content";
import { prepareDeliveries } from "../src/mail/prepare-deliveries";
import { recipientPages } from "../src/mail/recipient-pages";
import { round, type Figure } from "./figures";
import {
  runNode,
  startSink,
  type Arrivals,
  type ChildRun,
  type Sink,
} from "./measure-send-process";

const DELIVERIES = 10_000;
/**
 * Rounds of (ours, nodemailer building, nodemailer raw), run back to back so each share compares
 * runs made under the same conditions; a 2-core machine shared with other work varies by ±10 %
 * between single runs, so the median of five rounds is reported.
 */
const ROUNDS = 5;
const ROOT = path.resolve(__dirname, "..");
const FEED = path.join(ROOT, "test", "fixtures", "example-digest-papers.rss.xml");
const CLI = path.join(ROOT, "bin", "arxiv-digest.js");
const REFERENCE = path.join(ROOT, "bench", "send-reference.js");

/** The newest modification time under `dir`, in ms. */
function newestUnder(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => {
      return Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }, 0);
}

/**
 * The bench runs the compiled CLI: measuring an old build, or one whose precompiled digest layout
 * is stale (then `send` loads MJML), would report the wrong code.
 */
function assertBuilt(): void {
  const sources = Math.max(
    newestUnder(path.join(ROOT, "src")),
    newestUnder(path.join(ROOT, "emails")),
  );
  for (const built of ["cli/main.js", "digest/digest-layout.json"]) {
    const file = path.join(ROOT, "dist", built);
    if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < sources) {
      throw new Error(
        `the send bench runs dist/, whose ${built} is missing or older than the sources: npm run build`,
      );
    }
  }
}

/** A database file with DELIVERIES active subscribers, one edition, and a queued delivery each. */
async function prepareDatabase(databaseUrl: string): Promise<string> {
  const app = await createApp(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" }));
  // A bulk insert no port offers (a port would create subscribers one by one): a connection of
  // the bench's own.
  const db = await openDatabase(databaseTarget(databaseUrl));
  try {
    await db.subscriber.createMany({
      data: Array.from({ length: DELIVERIES }, (_, i) => ({
        email: `r${i}@example.org`,
        status: "active" as const,
      })),
    });
    const ids = await db.subscriber.findMany({ select: { id: true } });
    await db.keyword.createMany({
      data: ids.map(({ id }) => ({ subscriberId: id, query: '"diffusion policy"', position: 0 })),
    });
    const parsed = await parseArxivFeed(fs.readFileSync(FEED, "utf8"));
    await ingestEdition(app.editions, [{ feed: "cs", kind: "parsed", parsed }], new Date());
    const edition = (await app.editions.latest())!;
    const content = new EditionContent(edition, await app.editions.papersOf(edition.id), {
      includeReplacements: false,
      translates: true,
      summaries: true,
    });
    const pages = recipientPages(app, content, app.subscribers.pages({ status: "active" }));
    await prepareDeliveries(app, content, pages, { maxPapers: 100, now: new Date() });
    return edition.date;
  } finally {
    await db.$disconnect();
    await app.close();
  }
}

type Run = ChildRun & Arrivals;

/** One round: our send, then nodemailer building the same message, then resending its bytes. */
interface Round {
  ours: Run;
  built: Run;
  raw: Run;
}

/** The round whose share of nodemailer's building rate is the median. */
function medianRound(rounds: readonly Round[]): Round {
  const share = (r: Round) => r.ours.rate / r.built.rate;
  const sorted = [...rounds].sort((a, b) => share(a) - share(b));
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A closed SQLite database, copied whole: a WAL left beside the target would be replayed into it. */
function copyDatabase(from: string, to: string): void {
  if (fs.existsSync(`${from}-wal`)) throw new Error(`${from} is still open (it has a WAL)`);
  fs.copyFileSync(from, to);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${to}${suffix}`, { force: true });
}

/** Runs one sending process against the sink; fails unless all DELIVERIES arrived. */
async function measure(
  sink: Sink,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Run> {
  sink.reset();
  const run = await runNode(args, env, cwd);
  const arrivals = sink.reset();
  if (arrivals.count !== DELIVERIES) {
    throw new Error(`the sink received ${arrivals.count} of ${DELIVERIES} from ${args[0]}`);
  }
  return { ...run, ...arrivals };
}

/**
 * `arxiv-digest send` as production runs it (compiled, a process of its own) sends 10,000
 * prepared deliveries to a loopback sink. Then plain nodemailer processes with the same pool
 * options and concurrency send our first message 10,000 times: once as the very bytes we sent,
 * once built by nodemailer from the same parts and headers. Rates are timed at the sink
 * ((n - 1) / (last - first)); memory is each sender's VmHWM. The budgeted share is against
 * nodemailer building the message, "the transport's own limit" (docs/architecture.md, "Performance budgets");
 * the raw-bytes share is printed for information. Needs a current `dist/` (`npm run build`).
 */
export async function benchSend(): Promise<Figure[]> {
  assertBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arxiv-digest-bench-"));
  const sink = await startSink();
  try {
    const databaseUrl = `file:${path.join(dir, "bench.db")}`;
    const editionDate = await prepareDatabase(databaseUrl);
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      DATABASE_URL: databaseUrl,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      SEND_RATE_PER_SECOND: "1000000",
      TRANSLATOR: "none",
      LOG_LEVEL: "silent",
    };
    const database = path.join(dir, "bench.db");
    const pristine = path.join(dir, "pristine.db");
    copyDatabase(database, pristine);
    const send = async () => {
      copyDatabase(pristine, database);
      const run = await measure(sink, [CLI, "send", "--edition", editionDate, "--json"], env, dir);
      const sent = (JSON.parse(run.stdout) as { sent: number }).sent;
      if (sent !== DELIVERIES) throw new Error(`send reported ${sent} of ${DELIVERIES} sent`);
      return run;
    };
    const first = await send();
    const message = sink.captured()!;
    const rawFile = path.join(dir, "message.eml");
    fs.writeFileSync(rawFile, message.raw);
    const reference = (mode: "raw" | "compose") =>
      measure(
        sink,
        [REFERENCE, mode, rawFile, message.from, message.to, `${DELIVERIES}`],
        env,
        dir,
      );
    const rounds: Round[] = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      const ours = index === 0 ? first : await send();
      rounds.push({ ours, built: await reference("compose"), raw: await reference("raw") });
    }
    const { ours, built, raw } = medianRound(rounds);
    const kb = round(message.raw.length / 1000);
    return [
      { name: `send ${DELIVERIES} prepared deliveries`, value: round(ours.rate), unit: "msg/s" },
      {
        name: "send: nodemailer alone, same pool, building the same parts and headers",
        value: round(built.rate),
        unit: "msg/s",
      },
      {
        name: "send: share of the transport's rate (nodemailer building the same message)",
        value: round((100 * ours.rate) / built.rate),
        unit: "%",
        budget: ">= 80 %",
      },
      // Informational only: resending cached bytes skips the MIME building every real send does.
      {
        name: `send: nodemailer alone, same pool, resending the same ${kb} KB of raw bytes`,
        value: round(raw.rate),
        unit: "msg/s",
      },
      {
        name: "send: share of the raw-bytes resend rate (no budget)",
        value: round((100 * ours.rate) / raw.rate),
        unit: "%",
      },
      // Every round's share, so the spread behind the median shows.
      ...rounds.map((r, index) => ({
        name: `send: share in round ${index + 1} (${round(r.ours.rate)} vs ${round(r.built.rate)} msg/s)`,
        value: round((100 * r.ours.rate) / r.built.rate),
        unit: "%",
      })),
      {
        name: `send: peak RSS (highest of ${ROUNDS} rounds)`,
        value: round(Math.max(...rounds.map((r) => r.ours.peakMb))),
        unit: "MB",
        budget: "< 300 MB",
      },
      {
        name: "send: nodemailer alone, peak RSS (raw bytes)",
        value: round(raw.peakMb),
        unit: "MB",
      },
      {
        name: "send: nodemailer alone, peak RSS (building)",
        value: round(built.peakMb),
        unit: "MB",
      },
    ];
  } finally {
    await sink.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
