import type { AddressInfo } from "node:net";
import { createServer } from "../../../src/web/create-server";
import { LINK_GUESSES } from "../../../src/web/client-budgets";
import { startWebTestServer, type WebTestServer } from "./web-test-server";

jest.setTimeout(60_000);

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("rate limits count per client, across routes", () => {
  let web: WebTestServer;

  beforeAll(async () => {
    web = await startWebTestServer("sqlite", ["reader@example.org"]);
  });
  afterAll(() => web.close());

  const from = (ip: string) => ({ "x-forwarded-for": ip });

  it("subscribe and 'mail me a link' share one budget per client", async () => {
    const ip = "10.9.9.1";
    for (let i = 0; i < 10; i += 1) {
      const email = `budget${i}@example.org`;
      expect((await web.post("/subscribe", form({ email, keywords: "rl" }), from(ip))).status).toBe(
        200,
      );
    }
    const lostLink = await web.post("/manage", form({ email: "reader@example.org" }), from(ip));
    expect(lostLink.status).toBe(429);
    expect(await lostLink.text()).toContain("Too many requests");
    expect(
      (await web.post("/manage", form({ email: "x@example.org" }), from("10.9.9.2"))).status,
    ).toBe(200);
  });

  it("one address gets one link mail an hour, whichever form asks", async () => {
    const before = web.sink.messages.length;
    await web.post("/subscribe", form({ email: "twice@example.org", keywords: "rl" }));
    await web.post("/manage", form({ email: "twice@example.org" }));
    await web.post("/subscribe", form({ email: "twice@example.org", keywords: "rl" }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(web.sink.messages.length).toBe(before + 1);
  });

  it("/unsubscribe/<key> has a limit", async () => {
    const path = web
      .digestLink("reader@example.org", "manage")
      .replace("/manage/", "/unsubscribe/");
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await web.get(path, from("10.9.9.3"))).status);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it("wrong keys are counted across every key route; past the budget even a right key waits", async () => {
    const ip = from("10.9.9.4");
    const wrong = "1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const routes = ["/confirm/", "/manage/", "/unsubscribe/", "/digest/2025-10-17/"];
    for (let i = 0; i < LINK_GUESSES.max; i += 1) {
      expect((await web.get(`${routes[i % routes.length]}${wrong}`, ip)).status).toBe(404);
    }
    const manage = web.digestLink("reader@example.org", "manage");
    expect((await web.get(manage, ip)).status).toBe(429);
    expect((await web.get(manage, from("10.9.9.5"))).status).toBe(200);
  });

  it("X-Forwarded-For is believed only from TRUST_PROXY, and only when it is an IP address", async () => {
    const untrusting = createServer(web.app.pages, { trustProxy: [] });
    await untrusting.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(untrusting.server.address() as AddressInfo).port}`;
    const post = (email: string, xff: string) =>
      fetch(`${base}/subscribe`, {
        method: "POST",
        body: form({ email, keywords: "rl" }),
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": xff },
      });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1)
        statuses.push((await post(`xff${i}@example.org`, `10.1.1.${i}`)).status);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await untrusting.close();
    }
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const answer = await web.post(
        "/subscribe",
        form({ email: `junk${i}@example.org`, keywords: "rl" }),
        from(`junk-${i}`),
      );
      statuses.push(answer.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
