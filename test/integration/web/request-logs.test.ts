import { Writable } from "node:stream";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createServer } from "../../../src/web/create-server";
import { startWebTestServer, type WebTestServer } from "./web-test-server";

jest.setTimeout(60_000);

describe("request logs carry no link tokens", () => {
  let web: WebTestServer;
  let lines: string[];
  let server: ReturnType<typeof createServer>;
  let base: string;

  beforeAll(async () => {
    web = await startWebTestServer("sqlite", ["reader@example.org"]);
    lines = [];
    const capture = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    server = createServer(
      { ...web.app.pages, logger: pino({ level: "info" }, capture) },
      { trustProxy: [] },
    );
    await server.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server.close();
    await web.close();
  });

  /** The JSON log lines written since `from`. */
  const linesSince = (from: number) =>
    lines.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>);

  it("logs each request at info with the key's token replaced by ***", async () => {
    const manage = web.digestLink("reader@example.org", "manage");
    const view = web.digestLink("reader@example.org", "digest");
    const token = /\.([\w-]+)$/.exec(manage)?.[1] ?? "missing";
    const unsubscribe = manage.replace("/manage/", "/unsubscribe/");
    for (const path of [manage, `${manage}?done=keywords`, view, unsubscribe]) {
      expect((await fetch(`${base}${path}`)).status).toBe(200);
    }
    const log = lines.join("");
    expect(log).toContain('"url":"/unsubscribe/');
    expect(log).toMatch(/"url":"\/manage\/\d+\.\*\*\*"/);
    expect(log).toMatch(/"url":"\/unsubscribe\/\d+\.\*\*\*"/);
    expect(log).not.toContain(token);
  });

  it("writes one info line per request, answered or refused, with method, URL, status and time", async () => {
    const manage = web.digestLink("reader@example.org", "manage");
    const requests: [string, number][] = [
      ["/", 200],
      [manage, 200],
      ["/no/such/page", 404],
      [`/manage/${"a".repeat(150)}`, 414],
      ["/healthz", 200],
    ];
    const from = lines.length;
    for (const [path, status] of requests) {
      expect((await fetch(`${base}${path}`)).status).toBe(status);
    }
    const written = linesSince(from);
    expect(written).toHaveLength(requests.length);
    written.forEach((line, i) => {
      expect(line).toMatchObject({ level: 30, msg: "request", method: "GET" });
      expect(line.status).toBe(requests[i]?.[1]);
      expect(typeof line.ms).toBe("number");
    });
    expect(written[1]?.url).toMatch(/^\/manage\/\d+\.\*\*\*$/);
  });
});
