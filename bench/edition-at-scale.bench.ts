import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { stringify } from "csv-stringify/sync";
import { round, type Figure } from "./figures";
import { runNode, startSink, type Sink } from "./measure-send-process";

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "bin", "arxiv-digest.js");
const REFERENCE = path.join(ROOT, "bench", "send-reference.js");
const CAPTURES = path.resolve(ROOT, "..", "shared", "arxiv-captures");
/** One real announcement: 365 papers in cs.AI, cs.CL, cs.CV and cs.LG. */
const FEEDS = ["AI", "CL", "CV", "LG"].map((c) =>
  path.join(CAPTURES, `rss2-cs.${c}-2025-01-16.xml`),
);
const EDITION = "2025-01-16";
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/**
 * Queries readers of these four lists write: phrases, OR, exclusions, fields, categories. Each
 * subscriber holds 1 to 5 of them, so digests differ in length and in papers, as in real life.
 */
const QUERY_POOL = [
  '"large language model"',
  '"diffusion model" -survey',
  "ti:transformer",
  "au:Wang",
  "cat:cs.CV segmentation",
  '"reinforcement learning"',
  "detection OR tracking",
  '"graph neural network"',
  "ti:benchmark",
  '"retrieval augmented" OR RAG',
  "cat:cs.CL translation",
  "au:Zhang",
  '"federated learning"',
  "agent -game",
  '"vision language"',
  '"speech recognition"',
  "quantization",
  '"knowledge distillation"',
  "robustness -adversarial",
  '"time series"',
  'ti:(LLM OR "language model") reasoning',
  "cat:cs.LG optimization",
  '"medical image"',
  "au:Liu ti:learning",
  '"point cloud"',
  "hallucination",
  '"text to image" OR text-to-image',
  "causal -survey",
  '"in-context learning"',
  "cat:cs.AI planning",
];

/** A seeded generator (mulberry32): every run draws the same list. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An import file of `size` subscribers, each with 1 to 5 distinct queries from the pool. */
function writeList(file: string, size: number): void {
  const next = random(size);
  const rows = Array.from({ length: size }, (_, i) => {
    const queries = new Set<string>();
    const count = 1 + Math.floor(next() * 5);
    while (queries.size < count) queries.add(QUERY_POOL[Math.floor(next() * QUERY_POOL.length)]!);
    return [`reader${i}@example.org`, [...queries].join(";"), next() < 0.2 ? "zh-TW" : "zh-CN"];
  });
  fs.writeFileSync(
    file,
    stringify(rows, { header: true, columns: ["email", "keywords", "language"] }),
  );
}

/** The databases to measure: SQLite always, PostgreSQL (a schema of its own) when one answers. */
async function databases(
  dir: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }[]> {
  const sqlite = {
    name: "SQLite",
    url: `file:${path.join(dir, "scale.db")}`,
    drop: async () => fs.rmSync(path.join(dir, "scale.db"), { force: true }),
  };
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
  } catch {
    return [sqlite];
  }
  const schema = `bench_scale_${process.pid}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set("schema", schema);
  const drop = async () => {
    const admin = new Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  };
  return [sqlite, { name: "PostgreSQL", url: url.toString(), drop }];
}

/** Import, fetch and send one list on one database; the figures of that run. */
async function measureSize(
  sink: Sink,
  dir: string,
  database: { name: string; url: string },
  size: number,
): Promise<{ figures: Figure[]; peakMb: number; rate: number }> {
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    SEND_RATE_PER_SECOND: "1000000",
    TRANSLATOR: "none",
    LOG_LEVEL: "silent",
  };
  const list = path.join(dir, `list-${size}.csv`);
  writeList(list, size);
  const started = performance.now();
  await runNode([CLI, "subscriber", "import", list, "--confirmed", "--json"], env, dir);
  const importSeconds = (performance.now() - started) / 1000;
  await runNode([CLI, "fetch", ...FEEDS.flatMap((f) => ["--feed-file", f])], env, dir);
  sink.reset();
  const send = await runNode([CLI, "send", "--edition", EDITION, "--json"], env, dir);
  const arrivals = sink.reset();
  const sent = (JSON.parse(send.stdout) as { sent: number }).sent;
  if (arrivals.count !== sent)
    throw new Error(`send reported ${sent}, the sink got ${arrivals.count}`);
  const label = `edition at scale, ${size} subscribers, ${database.name}`;
  return {
    rate: arrivals.rate,
    peakMb: send.peakMb,
    figures: [
      { name: `${label}: import`, value: round(size / importSeconds), unit: "rows/s" },
      { name: `${label}: digests sent`, value: sent, unit: "messages" },
      { name: `${label}: send`, value: round(arrivals.rate), unit: "msg/s" },
      {
        name: `${label}: send peak RSS`,
        value: round(send.peakMb),
        unit: "MB",
        budget: "< 200 MB",
      },
    ],
  };
}

/**
 * "Edition at scale": the four 2025-01-16 feeds sent to BENCH_SCALE_SIZES subscribers (default
 * 10,000 and 100,000) holding varied queries, over SMTP to a loopback sink, by the compiled CLI
 * in a process of its own: import rows/s, send msg/s and the sender's peak RSS at each size,
 * how the largest compares with the smallest, and nodemailer alone resending the same raw bytes
 * (the send bench's reference). Needs a current `dist/` (`npm run build`).
 */
export async function benchScale(): Promise<Figure[]> {
  const sizes = (process.env.BENCH_SCALE_SIZES ?? "10000,100000").split(",").map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arxiv-digest-scale-"));
  const sink = await startSink();
  const figures: Figure[] = [];
  try {
    for (const database of await databases(dir)) {
      const runs = [];
      for (const size of sizes) {
        await database.drop();
        const run = await measureSize(sink, dir, database, size);
        figures.push(...run.figures);
        runs.push(run);
      }
      await database.drop();
      const [small, large] = [runs[0]!, runs[runs.length - 1]!];
      const name = `edition at scale, ${database.name}, ${sizes[sizes.length - 1]} vs ${sizes[0]}`;
      figures.push(
        {
          name: `${name}: peak RSS ratio`,
          value: round(large.peakMb / small.peakMb, 2),
          unit: "x",
          budget: "<= 1.2",
        },
        {
          name: `${name}: send rate share`,
          value: round((100 * large.rate) / small.rate),
          unit: "%",
          budget: ">= 90 %",
        },
      );
      const message = sink.captured();
      if (!message) continue;
      const rawFile = path.join(dir, "message.eml");
      fs.writeFileSync(rawFile, message.raw);
      const count = Math.min(sizes[sizes.length - 1]!, 20_000);
      sink.reset();
      await runNode(
        [REFERENCE, "raw", rawFile, message.from, message.to, `${count}`],
        {
          PATH: process.env.PATH,
          SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
          SEND_RATE_PER_SECOND: "1000000",
          LOG_LEVEL: "silent",
        },
        dir,
      );
      const raw = sink.reset();
      figures.push(
        {
          name: `edition at scale: nodemailer alone resending one digest's raw bytes (${count})`,
          value: round(raw.rate),
          unit: "msg/s",
        },
        {
          name: `${name}: send at ${sizes[sizes.length - 1]} as a share of the raw resend`,
          value: round((100 * large.rate) / raw.rate),
          unit: "%",
          budget: ">= 60 %",
        },
      );
    }
  } finally {
    await sink.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
