import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { loadConfig } from "../../../src/config";
import { createApp, type App } from "../../../src/container";
import { createServer } from "../../../src/web/create-server";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../../support/databases";
import { shiftedFeed } from "../../support/shifted-feed";
import { EXAMPLE_FEED, makeTempDir } from "../../support/temp-dir";
import { waitFor } from "../../support/wait-for";

jest.setTimeout(60_000);

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
    for (const email of ["stay", "leave", "multipart", "bare", "undo"].map(
      (n) => `${n}@example.org`,
    )) {
      await runCliWith(env, "subscriber", "add", email, "-k", "diffusion policy", "--confirmed");
    }
    await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
    app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    server = createServer(app.pages, { trustProxy: [] });
    await server.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    link = unsubscribeLink("leave@");
  });

  /** The https link of the List-Unsubscribe header of the digest mailed to `email`. */
  function unsubscribeLink(email: string): URL {
    const mail = sink.messages.find((m) => JSON.stringify(m.to).includes(email));
    const header = mail?.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    return new URL(/<(https:[^>]+)>/.exec(header)?.[1] ?? "https://missing");
  }

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
    // The next announcement day: the address that left is no longer among those it would mail.
    const nextDay = path.join(makeTempDir(), "monday.xml");
    fs.writeFileSync(nextDay, shiftedFeed("Mon, 20 Oct 2025", 2));
    await runCliWith(env, "fetch", "--feed-file", nextDay);
    const dry = await runCliWith(env, "send", "--dry-run", "--json");
    const planned = (JSON.parse(dry.out) as { plan: { email: string }[] }).plan.map((p) => p.email);
    expect(planned).toContain("stay@example.org");
    expect(planned).not.toContain("leave@example.org");
  });

  it("one-click takes RFC 8058's own multipart/form-data body, and an empty one", async () => {
    const body = new FormData();
    body.append("List-Unsubscribe", "One-Click");
    const multipart = await fetch(`${base}${unsubscribeLink("multipart@").pathname}`, {
      method: "POST",
      body,
    });
    expect(multipart.status).toBe(200);
    expect(await status("multipart@example.org")).toBe("unsubscribed");
    const bare = await fetch(`${base}${unsubscribeLink("bare@").pathname}`, { method: "POST" });
    expect(bare.status).toBe(200);
    expect(await status("bare@example.org")).toBe("unsubscribed");
  });

  it("the unsubscribed page offers undo: a POST that starts a new double opt-in; a GET does nothing", async () => {
    const keywordsBefore = (await app.subscribers.findByEmail("undo@example.org"))?.keywords;
    const left = await fetch(`${base}${unsubscribeLink("undo@").pathname}`, { method: "POST" });
    expect(await status("undo@example.org")).toBe("unsubscribed");
    const html = await left.text();
    expect(html).toContain("Undo");
    const undo = /<form method="post" action="(\/manage\/\d+\.[\w-]+\/undo)">/.exec(html)?.[1];
    if (!undo) throw new Error("no undo form on the unsubscribed page");
    const mailsTo = () => sink.messages.filter((m) => JSON.stringify(m.to).includes("undo@"));
    const mailed = mailsTo().length;

    // A link scanner (or a curious reader) opening the undo URL changes nothing, mails nothing.
    const scanned = await fetch(`${base}${undo}`);
    expect(scanned.status).toBe(404);
    expect(await status("undo@example.org")).toBe("unsubscribed");

    // The button: the address is not back yet, only asked to confirm (an old link must not
    // bring it back on its own).
    const undone = await fetch(`${base}${undo}`, { method: "POST" });
    expect(undone.status).toBe(200);
    expect(await undone.text()).toContain("Check your inbox");
    expect(await status("undo@example.org")).toBe("pending");
    const mail = await waitFor(() => mailsTo()[mailed], { what: "the confirmation mail" });
    expect(mail.subject).toContain("Confirm");

    // Its owner confirms: back with the keywords it had.
    const confirm = /\/confirm\/\d+\.[\w-]+/.exec(mail.text ?? "")?.[0] ?? "/confirm/none";
    expect((await fetch(`${base}${confirm}`, { method: "POST" })).status).toBe(200);
    const back = await app.subscribers.findByEmail("undo@example.org");
    expect(back?.status).toBe("active");
    expect(back?.keywords).toEqual(keywordsBefore);

    // Once back, the undo button has nothing left to do: no second mail.
    const again = await fetch(`${base}${undo}`, { method: "POST", redirect: "manual" });
    expect(again.status).toBe(303);
    expect(mailsTo()).toHaveLength(mailed + 1);
  });
});
