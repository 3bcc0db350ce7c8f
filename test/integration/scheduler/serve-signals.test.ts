import net from "node:net";
import fs from "node:fs";
import path from "node:path";
import { startFeedServer } from "../../support/feed-server";
import { runCliWith } from "../../support/run-cli";
import { exited, spawnCli } from "../../support/spawn-cli";
import { EXAMPLE_FEED, makeTempDir } from "../../support/temp-dir";
import { freePort } from "../../support/free-port";

jest.setTimeout(90_000);

/** Asks until the server answers 200, for at most `tries` half-seconds. */
async function waitForHealthy(url: string, tries = 120): Promise<Response> {
  for (let i = 0; i < tries; i += 1) {
    const answer = await fetch(url).catch(() => undefined);
    if (answer?.status === 200) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never answered 200`);
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
