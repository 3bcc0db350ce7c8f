import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { loadConfig } from "../../../src/config";
import { createApp, type App } from "../../../src/container";
import { runEdition, type RunnerDeps } from "../../../src/scheduler/edition-runner";
import { DEFAULT_SCHEDULE_POLICY } from "../../../src/scheduler/schedule-policy";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { fakeClock, newYork } from "../../support/fake-clock";
import { startFeedServer } from "../../support/feed-server";
import { runCliWith } from "../../support/run-cli";
import { EXAMPLE_FEED, makeTempDir } from "../../support/temp-dir";
import { openDatabaseAt } from "../../support/open-test-db";

jest.setTimeout(60_000);

const FRIDAY = "2025-10-17";
const THURSDAY_EVENING = newYork("2025-10-16T20:05");
const EMPTY_FEED = fs.readFileSync(
  path.resolve(__dirname, "..", "..", "fixtures", "quirks", "rss2-empty.xml"),
  "utf8",
);
const BATCH = fs.readFileSync(EXAMPLE_FEED, "utf8");

describeEachDatabase("the scheduled run on %s", (kind) => {
  let database: TestDatabase;
  let outbox: string;
  let server: Awaited<ReturnType<typeof startFeedServer>>;
  let apps: App[];
  let feedAnswers: string[];

  beforeEach(async () => {
    database = createTestDatabase(kind);
    outbox = path.join(makeTempDir(), "outbox");
    feedAnswers = [];
    server = await startFeedServer((_request, index) => ({
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: feedAnswers[Math.min(index, feedAnswers.length - 1)],
    }));
    const env = { DATABASE_URL: database.url, MAIL_OUTBOX_DIR: outbox };
    for (const email of ["ana@example.org", "ben@example.org"]) {
      const added = await runCliWith(
        env,
        "subscriber",
        "add",
        email,
        "-k",
        "diffusion policy",
        "--confirmed",
      );
      expect(added.code).toBe(0);
    }
    const config = loadConfig({
      ...env,
      ARXIV_FEED_URL: server.url,
      ARXIV_CATEGORIES: "cs",
      LOG_LEVEL: "silent",
    });
    apps = [await createApp(config), await createApp(config)];
  });

  afterEach(async () => {
    for (const app of apps) await app.close();
    await server.close();
    await database.drop();
  });

  /** A process's runner: its own app (connection), its own name, a clock at Thursday 20:05. */
  function runner(app: App, holder: string): RunnerDeps {
    return {
      clock: fakeClock(THURSDAY_EVENING),
      job: app.scheduler.job,
      locks: app.runLocks,
      holder,
      policy: DEFAULT_SCHEDULE_POLICY,
      logger: pino({ level: "silent" }),
    };
  }

  const deadline = new Date(THURSDAY_EVENING.getTime() + DEFAULT_SCHEDULE_POLICY.pollWindowMs);

  it("polls past an empty feed until the batch is there, then mails each subscriber once", async () => {
    feedAnswers = [EMPTY_FEED, BATCH];
    const [app] = apps as [App];
    const result = await runEdition(
      runner(app, "one"),
      FRIDAY,
      deadline,
      new AbortController().signal,
    );
    expect(result).toMatchObject({ kind: "done", editionDate: FRIDAY, summary: { sent: 2 } });
    expect(server.seen).toHaveLength(2);
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith(".eml"))).toHaveLength(2);
    const record = await app.runLocks.get(FRIDAY);
    expect(record).toMatchObject({ status: "done", holder: "one", attempts: 1 });
    expect(JSON.parse(record?.detail ?? "{}")).toMatchObject({ edition: FRIDAY, sent: 2 });
    const stats = await runCliWith({ DATABASE_URL: database.url }, "stats", "--json");
    expect(JSON.parse(stats.out).scheduledRuns).toEqual([
      expect.objectContaining({
        edition: FRIDAY,
        status: "done",
        result: expect.objectContaining({ sent: 2 }),
      }),
    ]);
    expect((await runCliWith({ DATABASE_URL: database.url }, "stats")).out).toMatch(
      /scheduled runs:\n {2}2025-10-17\tdone\tsent 2, failed 0, retrying 0$/m,
    );
  });

  it("clears subscription requests left unconfirmed for 7 days when it runs the edition", async () => {
    feedAnswers = [BATCH];
    const [app] = apps as [App];
    const env = { DATABASE_URL: database.url };
    for (const email of ["old@example.org", "new@example.org"]) {
      expect((await runCliWith(env, "subscriber", "add", email, "-k", "robot")).code).toBe(0);
    }
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const db = await openDatabaseAt(database.url);
    await db.subscriber.updateMany({
      where: { email: "old@example.org" },
      data: { createdAt: eightDaysAgo, pendingSince: eightDaysAgo },
    });
    const result = await runEdition(
      runner(app, "one"),
      FRIDAY,
      deadline,
      new AbortController().signal,
    );
    expect(result).toMatchObject({ kind: "done" });
    const left = await db.subscriber.findMany({ where: { status: "pending" } });
    await db.$disconnect();
    expect(left.map((s) => s.email)).toEqual(["new@example.org"]);
  });

  it("two processes on one database: one runs the edition, the other stands aside", async () => {
    feedAnswers = [BATCH];
    const [first, second] = apps as [App, App];
    const results = await Promise.all([
      runEdition(runner(first, "first"), FRIDAY, deadline, new AbortController().signal),
      runEdition(runner(second, "second"), FRIDAY, deadline, new AbortController().signal),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["done", "skipped"]);
    expect(server.seen).toHaveLength(1);
    expect(fs.readdirSync(outbox).filter((f) => f.endsWith(".eml"))).toHaveLength(2);
    const again = await runEdition(
      runner(second, "second"),
      FRIDAY,
      deadline,
      new AbortController().signal,
    );
    expect(again.kind).toBe("skipped");
  });
});
