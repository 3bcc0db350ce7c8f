import fs from "node:fs";
import path from "node:path";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { exited, spawnCli } from "../../support/spawn-cli";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { writeBulkList } from "../../support/bulk-subscribers";
import { EXAMPLE_FEED, makeTempDir } from "../../support/temp-dir";

/** Past SQLite's 32,766 bound variables: a statement binding one per subscriber fails here. */
const SUBSCRIBERS = 33_000;
const LIST = {
  count: SUBSCRIBERS,
  matchEvery: 110,
  pausedEvery: 7,
  keyword: '"diffusion policy"',
};
const SENDERS = 3;

/** The JSON a command printed after its progress lines. */
function jsonOf<T>(output: string): T {
  return JSON.parse(output.slice(output.indexOf("{"))) as T;
}

describeEachDatabase("a list of 33,000 subscribers (%s)", (kind) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let env: Record<string, string>;
  let expected: string[];

  beforeAll(async () => {
    database = createTestDatabase(kind);
    sink = await startSmtpSink();
    env = { DATABASE_URL: database.url, SMTP_URL: sink.url, SEND_RATE_PER_SECOND: "1000" };
    expect((await runCliWith(env, "fetch", "--feed-file", EXAMPLE_FEED)).code).toBe(0);
    expected = (await writeBulkList(database.url, LIST)).sort();
  }, 60_000);
  afterAll(async () => {
    await sink.close();
    await database.drop();
  });

  it("lists, exports, counts, previews and plans the whole list", async () => {
    expect(expected.length).toBeGreaterThan(200);
    const stats = await runCliWith(env, "stats", "--json");
    expect(jsonOf<{ subscribers: Record<string, number> }>(stats.out).subscribers).toMatchObject({
      active: SUBSCRIBERS - Math.floor(SUBSCRIBERS / LIST.pausedEvery),
      paused: Math.floor(SUBSCRIBERS / LIST.pausedEvery),
    });

    const list = await runCliWith(env, "subscriber", "list");
    expect(list.code).toBe(0);
    const listed = list.out.split("\n");
    expect(listed).toHaveLength(SUBSCRIBERS);
    expect(new Set(listed.map((line) => line.split("\t")[0])).size).toBe(SUBSCRIBERS);

    const file = path.join(makeTempDir(), "export.csv");
    expect((await runCliWith(env, "subscriber", "export", "--out", file)).code).toBe(0);
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("email,keywords,language,status");
    expect(lines).toHaveLength(SUBSCRIBERS + 1);

    const preview = await runCliWith(env, "preview", expected[0]!);
    expect(preview.code).toBe(0);
    expect(preview.err).toMatch(/^Subject: /m);

    const dryRun = await runCliWith(env, "send", "--dry-run", "--json");
    expect(dryRun.code).toBe(0);
    const plan = jsonOf<{ plan: { email: string }[] }>(dryRun.out).plan;
    expect(plan.map((p) => p.email).sort()).toEqual(expected);
    expect(sink.recipients).toHaveLength(0);
  }, 120_000);

  it(`${SENDERS} send processes mail every matching subscriber exactly once`, async () => {
    const senders = Array.from({ length: SENDERS }, () => spawnCli(env, "send", "--json"));
    const codes = await Promise.all(senders.map(exited));
    // Each sender's output rides along, so a failure says why.
    expect(senders.map((s, i) => ({ code: codes[i], output: s.output() }))).toEqual(
      senders.map(() => ({ code: 0, output: expect.any(String) })),
    );
    const sent = senders.map((s) => jsonOf<{ sent: number; failed: number }>(s.output()));
    expect(sent.reduce((total, s) => total + s.sent, 0)).toBe(expected.length);
    expect(sent.every((s) => s.failed === 0)).toBe(true);
    expect([...sink.recipients].sort()).toEqual(expected);

    const again = await runCliWith(env, "send", "--json");
    expect(jsonOf<{ sent: number; recipients: number }>(again.out)).toMatchObject({
      sent: 0,
      recipients: expected.length,
    });
    const dryRun = await runCliWith(env, "send", "--dry-run", "--json");
    expect(jsonOf<{ plan: unknown[] }>(dryRun.out).plan).toEqual([]);
  }, 150_000);
});
