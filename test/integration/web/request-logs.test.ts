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
});
