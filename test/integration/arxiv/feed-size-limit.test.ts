import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { FeedFetcher } from "../../../src/arxiv/feed-fetcher";
import { FEED_LIMITS } from "../../../src/arxiv/feed-limits";
import { runCliWith } from "../../support/run-cli";
import { makeTempDir } from "../../support/temp-dir";

jest.setTimeout(120_000);

const MB = 1024 * 1024;

describe("feeds past the size limit are refused as they are read", () => {
  it("a download with no end stops after the limit, with one clear line", async () => {
    let written = 0;
    const chunk = Buffer.alloc(MB, " ");
    // No Content-Length, and more than the limit: the fetcher has to count.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const more = () => {
        while (!res.destroyed && written < 4 * FEED_LIMITS.maxDocumentBytes) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", more);
        }
        res.end();
      };
      res.on("close", () => res.destroy());
      more();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss/`;
    try {
      const fetcher = new FeedFetcher({ baseUrl: url, userAgent: "t" });
      await expect(fetcher.fetch("cs")).rejects.toThrow(/larger than 64 MB, the limit/);
      // The rest was never asked for (a few MB in socket buffers at most).
      expect(written).toBeLessThan(FEED_LIMITS.maxDocumentBytes + 16 * MB);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("a feed file past the limit is one line naming the file, nothing stored", async () => {
    const dir = makeTempDir();
    const file = path.join(dir, "huge.xml");
    fs.writeFileSync(file, "");
    fs.truncateSync(file, FEED_LIMITS.maxDocumentBytes + 1); // sparse: costs no disk
    const env = { DATABASE_URL: `file:${path.join(dir, "digest.db")}` };
    const run = await runCliWith(env, "fetch", "--feed-file", file);
    expect(run.code).toBe(1);
    expect(run.err.trim()).toBe(
      `error: feed file ${file}: the feed is larger than 64 MB, the limit`,
    );
    expect((await runCliWith(env, "editions", "list", "--json")).out).toBe("[]");
  });
});
