import net from "node:net";
import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { latestEditionDateAt } from "../../../src/arxiv/announcement-time";
import { startFeedServer } from "../../support/feed-server";
import { shiftedFeed } from "../../support/shifted-feed";
import { startSmtpSink } from "../../support/smtp-sink";
import { runCliWith } from "../../support/run-cli";
import { exited, spawnCli } from "../../support/spawn-cli";
import { EXAMPLE_FEED, makeTempDir } from "../../support/temp-dir";
import { freePort } from "../../support/free-port";
import { waitFor } from "../../support/wait-for";

jest.setTimeout(90_000);

/** Asks until the server answers 200, for at most a minute. */
function waitForHealthy(url: string): Promise<Response> {
  return waitFor(
    async () => {
      const answer = await fetch(url).catch(() => undefined);
      return answer?.status === 200 && answer;
    },
    { what: `${url} to answer 200`, timeoutMs: 60_000, intervalMs: 500 },
  );
}

describe("arxiv-digest serve as a process", () => {
  it("serves /healthz and /metrics, logs JSON lines, and exits 0 on SIGTERM", async () => {
    const dir = makeTempDir();
    const feeds = await startFeedServer(() => ({
      status: 200,
      headers: { "content-type": "application/rss+xml" },
      body: fs.readFileSync(EXAMPLE_FEED, "utf8"),
    }));
    const port = await freePort();
    const env = {
      DATABASE_URL: `file:${path.join(dir, "digest.db")}`,
      MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
      ARXIV_FEED_URL: feeds.url,
      PORT: String(port),
      LOG_LEVEL: "info",
    };
    await runCliWith(
      { ...env, LOG_LEVEL: "warn" },
      "subscriber",
      "add",
      "ops@example.org",
      "-k",
      "rl",
      "--confirmed",
    );
    const child = spawnCli(env, "serve");
    try {
      const health = await waitForHealthy(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: "ok" });
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await metrics.text();
      expect(text).toMatch(/^arxiv_digest_subscribers\{status="active"\} 1$/m);
      expect(text).toMatch(/^arxiv_digest_deliveries\{status="sent"\} 0$/m);
      expect(text).toContain("# TYPE arxiv_digest_scheduler_runs_total counter");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited(child)).toBe(0);
    await feeds.close();
    const lines = child
      .output()
      .split("\n")
      .filter((line) => line.trim() !== "");
    const logs = lines.map((line) => JSON.parse(line) as { msg?: string });
    expect(logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        "scheduler started",
        "stopping: finishing the messages in flight",
        "stopped",
      ]),
    );
  });
});

describe("arxiv-digest serve on a busy port", () => {
  it("says so in one line and exits 1", async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "0.0.0.0", resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const dir = makeTempDir();
      const run = await runCliWith(
        {
          DATABASE_URL: `file:${path.join(dir, "digest.db")}`,
          PORT: String(port),
          LOG_LEVEL: "silent",
        },
        "serve",
      );
      expect(run).toMatchObject({
        code: 1,
        err: `error: port ${port} is already in use; stop what holds it or set PORT`,
      });
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });
});

describe("SIGTERM while serve is mailing an edition", () => {
  it("lets the message in flight finish, claims nothing more, exits 0; the next send mails the rest", async () => {
    // The edition arXiv announced last by the real clock, made from the bundled feed.
    const awaited = latestEditionDateAt(new Date());
    const day = DateTime.fromISO(awaited, { zone: "America/New_York" }).setLocale("en-US");
    const feed = shiftedFeed(day.toFormat("ccc, dd LLL yyyy"), 7).replace(
      /-0400/g,
      day.toFormat("ZZZ"),
    );
    const feeds = await startFeedServer(() => ({ status: 200, body: feed }));
    let child: ReturnType<typeof spawnCli> | undefined;
    const sink = await startSmtpSink({
      replyDelayMs: 1_500,
      onMessage: (count) => {
        if (count === 1) child?.kill("SIGTERM");
      },
    });
    const dir = makeTempDir();
    const env = {
      DATABASE_URL: `file:${path.join(dir, "digest.db")}`,
      SMTP_URL: sink.url,
      ARXIV_FEED_URL: feeds.url,
      PORT: String(await freePort()),
      SEND_CONNECTIONS: "1",
      MAX_EDITION_AGE_HOURS: "100000",
      LOG_LEVEL: "warn",
    };
    for (let i = 0; i < 6; i += 1) {
      await runCliWith(
        env,
        "subscriber",
        "add",
        `reader${i}@example.org`,
        "-k",
        "diffusion policy",
        "--confirmed",
      );
    }
    try {
      child = spawnCli(env, "serve");
      expect(await exited(child)).toBe(0);
      expect(sink.messages).toHaveLength(1);
      const stats = JSON.parse((await runCliWith(env, "stats", "--json")).out);
      expect(stats.deliveries).toEqual({ queued: 5, sending: 0, sent: 1, failed: 0, uncertain: 0 });
      expect(stats.scheduledRuns).toEqual([
        expect.objectContaining({
          edition: awaited,
          status: "failed",
          result: expect.stringMatching(/^interrupted by shutdown/),
        }),
      ]);
      const rest = await runCliWith(env, "send", "--json");
      expect(JSON.parse(rest.out)).toMatchObject({ edition: awaited, sent: 5 });
      expect(new Set(sink.recipients).size).toBe(6);
      expect(sink.recipients).toHaveLength(6);
    } finally {
      child?.kill("SIGKILL");
      await feeds.close();
      await sink.close();
    }
  });
});
