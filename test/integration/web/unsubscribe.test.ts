import type { AddressInfo } from "node:net";
import { loadConfig } from "../../../src/config";
import { createApp, type App } from "../../../src/container";
import { createServer } from "../../../src/web/create-server";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../../support/databases";
import { EXAMPLE_FEED } from "../../support/temp-dir";

describe("leaving from the link in a digest (RFC 8058)", () => {
  let sink: SmtpSink;
  let database: TestDatabase;
  let app: App;
  let server: ReturnType<typeof createServer>;
  let base: string;
  let env: Record<string, string>;
  let link: URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    database = createTestDatabase("sqlite");
    env = {
      DATABASE_URL: database.url,
      SMTP_URL: sink.url,
      PUBLIC_URL: "https://digest.example.org",
    };
    for (const email of ["stay@example.org", "leave@example.org"]) {
      await runCliWith(env, "subscriber", "add", email, "-k", "diffusion policy", "--confirmed");
    }
    await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
    app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    server = createServer(app.pages);
    await server.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const mail = sink.messages.find((m) => JSON.stringify(m.to).includes("leave@"));
    const header = mail?.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    link = new URL(/<(https:[^>]+)>/.exec(header)?.[1] ?? "https://missing");
  });

  afterAll(async () => {
    await server.close();
    await app.close();
    await sink.close();
    await database.drop();
  });

  const status = async (email: string) => (await app.subscribers.findByEmail(email))?.status;

  it("every digest carries https and mailto unsubscribe links and the one-click header", () => {
    for (const mail of sink.messages) {
      const lines = Object.fromEntries(
        mail.headerLines.map((h) => [h.key, h.line.replace(/\s*\r?\n\s+/g, " ")]),
      );
      expect(lines["list-unsubscribe"]).toMatch(
        /^List-Unsubscribe: <https:\/\/digest\.example\.org\/unsubscribe\/\d+\.[A-Za-z0-9_-]{43}>,\s*<mailto:digest@localhost\?subject=unsubscribe>$/,
      );
      expect(lines["list-unsubscribe-post"]).toBe(
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
      );
      expect(mail.text).toContain(`退订 Unsubscribe: https://digest.example.org/unsubscribe/`);
    }
  });

  it("GET shows a page with one button and changes nothing (mail scanners follow links)", async () => {
    const page = await fetch(`${base}${link.pathname}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(await page.text()).toContain('<form method="post">');
    expect(await status("leave@example.org")).toBe("active");
  });

  it("refuses a link whose token was tampered with, and changes nothing", async () => {
    const forged = link.pathname.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const answer = await fetch(`${base}${forged}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(answer.status).toBe(404);
    expect(await status("leave@example.org")).toBe("active");
    expect((await fetch(`${base}/unsubscribe/1.short`, { method: "POST" })).status).toBe(404);
  });

  it("one POST with no cookie unsubscribes at once, and no digest follows", async () => {
    // A mail client may post from anywhere: one-click has no cross-site check (RFC 8058).
    const answer = await fetch(`${base}${link.pathname}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://mail.example.net",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("set-cookie")).toBeNull();
    expect(await status("leave@example.org")).toBe("unsubscribed");
    expect(await status("stay@example.org")).toBe("active");
    // stay@'s digest of this edition went out before; leave@ is no longer active: no one is due.
    const dry = await runCliWith(env, "send", "--dry-run", "--json");
    expect((JSON.parse(dry.out) as { plan: { email: string }[] }).plan).toEqual([]);
  });
});
