import fs from "node:fs";
import zlib from "node:zlib";
import { FeedFetcher } from "../../../src/arxiv/feed-fetcher";
import { FeedError } from "../../../src/errors";
import { startFeedServer, type Answer } from "../../support/feed-server";
import { EXAMPLE_FEED } from "../../support/temp-dir";

const FEED = fs.readFileSync(EXAMPLE_FEED, "utf8");

/** A clock the fetcher waits on: sleeps are recorded and pass at once. */
function fakeClock() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

async function withServer(
  script: (index: number) => Answer,
  body: (url: string, seen: { path: string; headers: Record<string, unknown> }[]) => Promise<void>,
) {
  const server = await startFeedServer((_request, index) => script(index));
  try {
    await body(server.url, server.seen);
  } finally {
    await server.close();
  }
}

describe("FeedFetcher against a loopback HTTP server", () => {
  it("names the project and the operator, asks for compression, and reads a gzipped feed", async () => {
    await withServer(
      () => ({
        status: 200,
        headers: { "content-encoding": "gzip", etag: '"v1"' },
        body: zlib.gzipSync(FEED),
      }),
      async (url, seen) => {
        const fetcher = new FeedFetcher({
          baseUrl: url,
          userAgent: "arxiv-digest/0.1 (contact: ops@lab.org)",
        });
        const outcome = await fetcher.fetch("cs");
        expect(outcome).toEqual({
          kind: "fetched",
          xml: FEED,
          validators: { etag: '"v1"', lastModified: undefined },
        });
        expect(seen[0]?.path).toBe("/rss/cs");
        expect(seen[0]?.headers["user-agent"]).toBe("arxiv-digest/0.1 (contact: ops@lab.org)");
        expect(String(seen[0]?.headers["accept-encoding"])).toMatch(/gzip/);
      },
    );
  });

  it("sends the validators back and understands 304 Not Modified", async () => {
    await withServer(
      () => ({ status: 304 }),
      async (url, seen) => {
        const fetcher = new FeedFetcher({ baseUrl: url, userAgent: "t" });
        const validators = { etag: '"v1"', lastModified: "Fri, 17 Oct 2025 04:30:12 GMT" };
        expect(await fetcher.fetch("cs.AI", validators)).toEqual({ kind: "not-modified" });
        expect(seen[0]?.headers["if-none-match"]).toBe('"v1"');
        expect(seen[0]?.headers["if-modified-since"]).toBe("Fri, 17 Oct 2025 04:30:12 GMT");
      },
    );
  });

  it("retries a 503 after backing off, then reads the feed", async () => {
    const clock = fakeClock();
    await withServer(
      (i) => (i === 0 ? { status: 503 } : { status: 200, body: FEED }),
      async (url, seen) => {
        const fetcher = new FeedFetcher({ baseUrl: url, userAgent: "t", ...clock });
        expect((await fetcher.fetch("cs")).kind).toBe("fetched");
        expect(seen).toHaveLength(2);
        expect(clock.sleeps[0]).toBe(10_000);
      },
    );
  });

  it("honours Retry-After on 429", async () => {
    const clock = fakeClock();
    await withServer(
      (i) =>
        i === 0 ? { status: 429, headers: { "retry-after": "42" } } : { status: 200, body: FEED },
      async (url) => {
        const fetcher = new FeedFetcher({ baseUrl: url, userAgent: "t", ...clock });
        expect((await fetcher.fetch("cs")).kind).toBe("fetched");
        expect(clock.sleeps).toEqual([42_000]);
      },
    );
  });

  it("gives a hung connection up after its timeout and tries again", async () => {
    const clock = fakeClock();
    await withServer(
      (i) => (i === 0 ? "hang" : { status: 200, body: FEED }),
      async (url, seen) => {
        const fetcher = new FeedFetcher({
          baseUrl: url,
          userAgent: "t",
          policy: { timeoutMs: 300 },
          ...clock,
        });
        expect((await fetcher.fetch("cs")).kind).toBe("fetched");
        expect(seen).toHaveLength(2);
      },
    );
  });

  it("stops after its attempts with a clear FeedError", async () => {
    const clock = fakeClock();
    await withServer(
      () => ({ status: 502 }),
      async (url, seen) => {
        const fetcher = new FeedFetcher({ baseUrl: url, userAgent: "t", ...clock });
        const error = await fetcher.fetch("cs").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FeedError);
        expect(String((error as Error).message)).toMatch(/gave up after 4 attempts: HTTP 502/);
        expect(seen).toHaveLength(4);
        expect(clock.sleeps).toEqual([10_000, 20_000, 40_000]);
      },
    );
  });

  it("refuses a 404 at once", async () => {
    await withServer(
      () => ({ status: 404 }),
      async (url, seen) => {
        const fetcher = new FeedFetcher({ baseUrl: url, userAgent: "t" });
        await expect(fetcher.fetch("xx.YY")).rejects.toThrow(/HTTP 404/);
        expect(seen).toHaveLength(1);
      },
    );
  });

  it("spaces requests 3 s apart and never runs two at once", async () => {
    const clock = fakeClock();
    let inFlight = 0;
    let maxInFlight = 0;
    await withServer(
      () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setImmediate(() => (inFlight -= 1));
        return { status: 200, body: FEED };
      },
      async (url, seen) => {
        const fetcher = new FeedFetcher({ baseUrl: url, userAgent: "t", ...clock });
        await Promise.all(["cs.AI", "cs.LG", "stat.ML"].map((feed) => fetcher.fetch(feed)));
        expect(seen.map((s) => s.path)).toEqual(["/rss/cs.AI", "/rss/cs.LG", "/rss/stat.ML"]);
        expect(clock.sleeps).toEqual([3_000, 3_000]);
        expect(maxInFlight).toBe(1);
      },
    );
  });
});
