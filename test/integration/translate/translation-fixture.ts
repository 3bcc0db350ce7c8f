import path from "node:path";
import type { Logger } from "pino";
import type { Paper } from "../../../src/arxiv/paper";
import { loadConfig } from "../../../src/config";
import { createApp, type App } from "../../../src/container";
import { Glossary } from "../../../src/translate/glossary";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";
import { OpenAiTranslator } from "../../../src/translate/openai-translator";
import type {
  PaperToTranslate,
  TranslateEditionDeps,
} from "../../../src/translate/translate-edition";
import {
  DEFAULT_TRANSLATE_POLICY,
  type TranslatePolicy,
} from "../../../src/translate/translate-policy";
import type { Translator } from "../../../src/translate/translator";
import { createTestDatabase, type TestDatabase } from "../../support/databases";
import { EXAMPLE_FEED, makeTempDir } from "../../support/temp-dir";

/** A migrated database holding the reference edition (34 papers), through the real App. */
export async function referenceEdition(): Promise<{
  app: App;
  databaseUrl: string;
  papers: PaperToTranslate[];
  close(): Promise<void>;
}> {
  const database: TestDatabase = createTestDatabase("sqlite");
  const app = await createApp(
    loadConfig({
      DATABASE_URL: database.url,
      MAIL_OUTBOX_DIR: path.join(makeTempDir(), "outbox"),
      LOG_LEVEL: "silent",
    }),
  );
  const result = await app.fetchEdition({ feedFiles: [EXAMPLE_FEED] });
  if (result.kind === "empty") throw new Error("the reference feed made no edition");
  const stored = await app.editions.papersOf(result.edition.id);
  return {
    app,
    databaseUrl: database.url,
    papers: stored.map((p) => ({ paperId: p.id, title: p.title, abstract: p.abstract })),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Stores one more paper version (in an edition of its own) and returns it for translation. */
export async function addPaper(
  app: App,
  paper: Partial<Paper> & { arxivId: string },
): Promise<PaperToTranslate> {
  const full: Paper = {
    version: 1,
    title: "A paper",
    abstract: "An abstract.",
    authors: ["Ada Lovelace"],
    categories: ["cs.LG"],
    primaryCategory: "cs.LG",
    ...paper,
  };
  const date = "2030-01-15";
  const edition =
    (await app.editions.findByDate(date)) ??
    (await app.editions.create({
      date,
      announcedAt: new Date(`${date}T00:00:00Z`),
      categories: ["cs"],
      items: [],
    }));
  await app.editions.addPapers(edition.id, ["cs"], [{ paper: full, announceType: "new" }]);
  const row = (await app.editions.papersOf(edition.id)).find(
    (p) => p.arxivId === full.arxivId && p.version === full.version,
  );
  if (!row) throw new Error("paper not stored");
  return { paperId: row.id, title: row.title, abstract: row.abstract };
}

/** Waits that are recorded and not spent; the clock moves by what was slept. */
export function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
  };
}

/** Log lines kept for assertions. */
export function recordingLogger() {
  const lines: { level: string; msg: string; data: object }[] = [];
  const at = (level: string) => (data: object, msg: string) =>
    void lines.push({ level, msg, data });
  const logger = { info: at("info"), warn: at("warn"), error: at("error") } as unknown as Logger;
  return { lines, logger };
}

/** What translateEdition needs, around the given provider, with waits recorded. */
export function stageDeps(
  app: App,
  translator: Translator,
  policy: Partial<TranslatePolicy> = {},
): TranslateEditionDeps & {
  clock: ReturnType<typeof fakeClock>;
  lines: ReturnType<typeof recordingLogger>["lines"];
} {
  const clock = fakeClock();
  const { lines, logger } = recordingLogger();
  return {
    translator,
    glossary: new Glossary(GLOSSARY_ZH),
    policy: { ...DEFAULT_TRANSLATE_POLICY, ...policy },
    store: app.delivery.translations,
    clock,
    logger,
    lines,
  };
}

/** The chat-completions provider against a test server's URL, summaries asked for as by default. */
export function openAiAt(
  serverUrl: string,
  { timeoutMs = 10_000, summary = true }: { timeoutMs?: number; summary?: boolean } = {},
): OpenAiTranslator {
  return new OpenAiTranslator({
    baseUrl: `${serverUrl}/v1`,
    model: "qwen2.5:7b",
    apiKey: "sk-test",
    glossary: new Glossary(GLOSSARY_ZH),
    timeoutMs,
    summary,
  });
}
