import fs from "node:fs";
import path from "node:path";
import { startFeedServer } from "../support/feed-server";
import { runCliWith } from "../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { subscribeAndFetch } from "../support/subscribe-and-fetch";
import { EXAMPLE_FEED, makeTempDir } from "../support/temp-dir";
import { freePort } from "../support/free-port";

jest.setTimeout(60_000);

function freshEnv(extra: Record<string, string> = {}): Record<string, string> {
  const dir = makeTempDir();
  return {
    DATABASE_URL: `file:${path.join(dir, "digest.db")}`,
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
    ...extra,
  };
}

describe("editions list and stats", () => {
  it("show the stored editions, digests by status, and the translation cache", async () => {
    const env = freshEnv();
    expect((await runCliWith(env, "editions", "list")).out).toMatch(/no edition yet/);
    await runCliWith(
      env,
      "subscriber",
      "add",
      "ana@example.org",
      "-k",
      "diffusion policy",
      "--confirmed",
    );
    await runCliWith(env, "subscriber", "add", "ben@example.org", "-k", "rl");
    await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
    const list = await runCliWith(env, "editions", "list", "--json");
    expect(JSON.parse(list.out)).toEqual([
      expect.objectContaining({
        date: "2025-10-17",
        status: "sent",
        papers: 34,
        deliveries: { queued: 0, sending: 0, sent: 1, failed: 0, uncertain: 0 },
      }),
    ]);
    expect((await runCliWith(env, "editions", "list")).out).toBe(
      "2025-10-17\tsent\t34 papers\tdigests: sent 1",
    );
    const stats = JSON.parse((await runCliWith(env, "stats", "--json")).out);
    expect(stats).toMatchObject({
      subscribers: { active: 1, pending: 1, paused: 0 },
      deliveries: { sent: 1 },
      editions: { sent: 1 },
      translations: { stored: 0, byProvider: {} },
      latestEditions: [expect.objectContaining({ date: "2025-10-17" })],
      scheduledRuns: [],
    });
    const human = await runCliWith(env, "stats");
    expect(human.out).toContain(
      "subscribers: pending 1, active 1, paused 0, unsubscribed 0, bounced 0",
    );
    expect(human.out).toContain("translation cache: 0 stored");
  });
});

describe("test-send", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it("mails a sample from the bundled feed before any fetch, recording no delivery", async () => {
    const env = freshEnv({ SMTP_URL: sink.url });
    const run = await runCliWith(env, "test-send", "Someone@Example.com", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({
      to: "someone@example.com",
      source: "the bundled sample feed",
      papers: 34,
    });
    const mail = sink.messages.at(-1);
    expect(mail?.subject).toMatch(/^\[test\] arXiv 每日论文 2025-10-17 · 34 篇/);
    expect(mail?.text).toContain('Keyword: "reinforcement learning"');
    expect(mail?.messageId).toMatch(/^<sample\.2025-10-17\.[0-9a-f]{16}@localhost>$/);
    const stats = JSON.parse((await runCliWith(env, "stats", "--json")).out);
    expect(stats.deliveries.sent).toBe(0);
    expect(stats.editions).toEqual({ ingested: 0, prepared: 0, sent: 0 });
  });

  it("uses a subscriber's keywords and the latest edition, or the --keywords given", async () => {
    const env = freshEnv({ SMTP_URL: sink.url });
    await subscribeAndFetch(env, ["ana@example.org"]);
    const own = JSON.parse((await runCliWith(env, "test-send", "ana@example.org", "--json")).out);
    expect(own).toMatchObject({
      source: "edition 2025-10-17",
      subject: expect.stringMatching(/· diffusion policy$/),
    });
    const given = await runCliWith(env, "test-send", "ops@example.net", "-k", "ti:recommendation");
    expect(given.out).toMatch(
      /^sent a sample digest of edition 2025-10-17 \(\d+ papers\) to ops@example.net via SMTP/,
    );
  });

  it("refuses a bad address, an unknown edition, and keywords that match nothing", async () => {
    const env = freshEnv({ SMTP_URL: sink.url });
    const before = sink.messages.length;
    for (const [argv, message] of [
      [["test-send", "not-an-email"], /not a valid email address/],
      [["test-send", "a@example.org", "--edition", "2020-01-01"], /no edition dated 2020-01-01/],
      [
        ["test-send", "a@example.org", "-k", "zzzqqq"],
        /no paper of the bundled sample feed matches zzzqqq/,
      ],
      [["test-send", "a@example.org", "-k", '"unclosed'], /./],
    ] as [string[], RegExp][]) {
      const run = await runCliWith(env, ...argv);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(message);
    }
    expect(sink.messages.length).toBe(before);
  });
});

describe("doctor", () => {
  it("says ok for each part of a working setup (SMTP, feed on 127.0.0.1) and exits 0", async () => {
    const sink = await startSmtpSink();
    const feeds = await startFeedServer(() => ({
      status: 200,
      body: fs.readFileSync(EXAMPLE_FEED, "utf8"),
    }));
    const env = freshEnv({
      SMTP_URL: sink.url,
      ARXIV_FEED_URL: feeds.url,
      ARXIV_CATEGORIES: "cs.AI",
    });
    await runCliWith(env, "db", "migrate");
    try {
      // No name server listens there: the mail DNS lines say so (doctor-dns.test.ts has one).
      const run = await runCliWith(env, "doctor", "--json", "--dns-server", "127.0.0.1:9");
      expect(run.code).toBe(0);
      const report = JSON.parse(run.out) as {
        ok: boolean;
        checks: { check: string; verdict: string }[];
      };
      expect(report.ok).toBe(true);
      expect(report.checks.map((c) => [c.check, c.verdict])).toEqual([
        ["config", "ok"],
        ["database", "ok"],
        ["migrations", "ok"],
        ["mail", "ok"],
        ["translator", "ok"],
        ["arxiv", "ok"],
        ["spf", "warn"],
        ["dkim", "warn"],
        ["dmarc", "warn"],
        ["alignment", "warn"],
      ]);
      expect(feeds.seen.map((r) => r.path)).toEqual(["/rss/cs.AI"]);
      expect(feeds.seen[0]?.headers["user-agent"]).toMatch(/arxiv-digest/);
    } finally {
      await feeds.close();
      await sink.close();
    }
  });

  it("fails the parts that do not answer, within the timeout, and exits 1", async () => {
    const port = await freePort();
    const translator = await startFeedServer(() => ({ status: 401, body: "{}" }));
    const env = freshEnv({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      ARXIV_FEED_URL: `http://127.0.0.1:${port}/rss/`,
      TRANSLATOR: "openai",
      TRANSLATOR_BASE_URL: translator.url,
    });
    try {
      const run = await runCliWith(env, "doctor", "--timeout", "5", "--dns-server", "127.0.0.1:9");
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/error: 3 check\(s\) failed/);
      const lines = run.out.split("\n");
      expect(lines).toEqual([
        expect.stringMatching(/^ok {4}config/),
        expect.stringMatching(/^warn {2}database +no SQLite file yet/),
        expect.stringMatching(/^fail {2}mail +SMTP 127\.0\.0\.1:\d+: .*ECONNREFUSED/),
        expect.stringMatching(
          /^fail {2}translator +openai 127\.0\.0\.1:\d+ refuses the key \(HTTP 401\)/,
        ),
        expect.stringMatching(
          /^fail {2}arxiv +feed http:\/\/127\.0\.0\.1:\d+\/rss\/cs is not reachable/,
        ),
        expect.stringMatching(/^warn {2}spf +publish localhost TXT .*could not look it up/),
        expect.stringMatching(/^warn {2}dkim +digests are not signed/),
        expect.stringMatching(
          /^warn {2}dmarc +publish _dmarc\.localhost TXT .*could not look it up/,
        ),
        expect.stringMatching(/^warn {2}alignment +.*only the Return-Path \(SPF\) is aligned/),
      ]);
      expect(fs.existsSync(env.DATABASE_URL?.replace("file:", "") ?? "")).toBe(false);
    } finally {
      await translator.close();
    }
  });

  it("--offline checks only what is local; a bad setting is a failed line per variable", async () => {
    const offline = await runCliWith(
      freshEnv({ SMTP_URL: "smtp://127.0.0.1:1" }),
      "doctor",
      "--offline",
    );
    expect(offline.code).toBe(0);
    expect(offline.out).toMatch(/^warn {2}mail +not checked \(--offline\)$/m);
    expect(offline.out).toMatch(/^warn {2}arxiv +not checked \(--offline\)$/m);
    const bad = await runCliWith(
      freshEnv({ PORT: "http", MAX_EDITION_AGE_HOURS: "-1" }),
      "doctor",
      "--json",
    );
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).checks).toEqual([
      { check: "config", verdict: "fail", detail: expect.stringMatching(/^PORT is invalid/) },
      {
        check: "config",
        verdict: "fail",
        detail: expect.stringMatching(/^MAX_EDITION_AGE_HOURS is invalid/),
      },
    ]);
    const outboxEnv = freshEnv();
    const outbox = await runCliWith(outboxEnv, "doctor", "--offline");
    expect(outbox.out).toMatch(
      /^ok {4}mail +no SMTP_URL: digests are written to .*outbox \(writable\)$/m,
    );
    expect(fs.existsSync(outboxEnv.MAIL_OUTBOX_DIR as string)).toBe(false);
    const timeout = await runCliWith(freshEnv(), "doctor", "--timeout", "0");
    expect(timeout).toMatchObject({ code: 1, err: expect.stringMatching(/--timeout must be/) });
  });
});
