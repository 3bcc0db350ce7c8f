import { describeEachDatabase } from "../../support/databases";
import { linkInLastMail, startWebTestServer, type WebTestServer } from "./web-test-server";
import { openDatabaseAt } from "../../support/open-test-db";

jest.setTimeout(60_000);

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

describeEachDatabase("manage pages and the web view over HTTP (%s)", (kind) => {
  let web: WebTestServer;
  let manage: string;
  const post = (...args: Parameters<WebTestServer["post"]>) => web.post(...args);
  const get = (path: string) => web.get(path);
  const subscriber = () => web.app.subscribers.findByEmail("reader@example.org");
  const keywords = async () => (await subscriber())?.keywords;

  beforeAll(async () => {
    // A small mail budget, so the mailed digests' abstracts are shortened.
    web = await startWebTestServer(kind, ["reader@example.org", "other@example.org"], {
      DIGEST_MAX_HTML_KB: "12",
    });
    manage = web.digestLink("reader@example.org", "manage");
  });
  afterAll(() => web.close());

  it("the digest's manage link opens the page with keywords, preview and settings", async () => {
    const page = await get(manage);
    expect(page.status).toBe(200);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const html = await page.text();
    expect(html).toContain("reader@example.org");
    expect(html).toContain('value="&quot;diffusion policy&quot;"');
    expect(html).toMatch(/2025-10-17[^<]*<strong>2<\/strong>/);
    expect(html).toContain("Asia/Shanghai");
    expect(html).toContain('value="pause"');
  });

  it("saves edits, additions and a new order; the redirect stays on the page", async () => {
    const answer = await post(
      manage,
      form([
        ["action", "keywords"],
        ["keyword", '"diffusion policy"'],
        ["keyword", "robots -survey"],
        ["keyword", ""],
        ["keyword", "cat:cs.RO"],
        ["op", "up:1"],
      ]),
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`${manage}?done=keywords`);
    expect(await keywords()).toEqual(["robots -survey", '"diffusion policy"', "cat:cs.RO"]);
    const removed = await post(
      manage,
      form([
        ["action", "keywords"],
        ["keyword", "robots -survey"],
        ["keyword", '"diffusion policy"'],
        ["keyword", "cat:cs.RO"],
        ["op", "remove:0"],
      ]),
    );
    expect(removed.status).toBe(303);
    expect(await keywords()).toEqual(['"diffusion policy"', "cat:cs.RO"]);
    expect(await (await get(`${manage}?done=keywords`)).text()).toContain(
      "Your keywords are saved",
    );
  });

  it("takes keywords in Chinese and says which terms the glossary does not know", async () => {
    const before = await keywords();
    const save = (rows: string[]) =>
      post(
        manage,
        form([
          ["action", "keywords"],
          ...rows.map((k): [string, string] => ["keyword", k]),
          ["op", "save"],
        ]),
      );
    expect((await save(["擴散策略", "沃丁顿景观"])).status).toBe(303);
    expect(await keywords()).toEqual(["擴散策略", "沃丁顿景观"]);
    const html = await (await get(manage)).text();
    const notes = html.match(/<p class="hint" id="keyword-\d+-note">[^]*?<\/p>/g) ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('id="keyword-1-note"');
    expect(notes[0]).toContain("未知术语：仅匹配中文译文");
    expect(notes[0]).toContain("沃丁顿景观");
    expect((await save(before ?? [])).status).toBe(303);
  });

  it("shows a bad keyword's error next to its field and stores nothing", async () => {
    const answer = await post(
      manage,
      form([
        ["action", "keywords"],
        ["keyword", '"diffusion policy"'],
        ["keyword", "grasping OR -robot"],
        ["keyword", "<img src=x onerror=alert(1)>"],
        ["op", "save"],
      ]),
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toMatch(/id="keyword-1"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="keyword-1-error" class="error" role="alert"/);
    // Said once in each language, with the row's number: no "not valid: the keyword query …".
    expect(html).toContain('第 2 行 · <span lang="en">Line 2</span>');
    expect(html).toContain("只有要排除的词");
    expect(html).toContain("only excludes");
    expect(html).not.toContain("not valid:");
    expect(html).not.toContain("keyword-0-error");
    expect(html).not.toContain("<img src=x");
    expect(await keywords()).toEqual(['"diffusion policy"', "cat:cs.RO"]);
    const tooMany = await post(
      manage,
      form([
        ["action", "keywords"],
        ...Array.from({ length: 21 }, (_, i): [string, string] => ["keyword", `word${i}`]),
      ]),
    );
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("at most 20");
    expect(await keywords()).toEqual(['"diffusion policy"', "cat:cs.RO"]);
  });

  it("changes language and time zone, refusing an unknown zone", async () => {
    const bad = await post(
      manage,
      form([
        ["action", "settings"],
        ["language", "zh-TW"],
        ["timeZone", "Mars/Base"],
      ]),
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    // Shown again as typed (zone and language), with the reason in both languages.
    expect(html).toMatch(/id="timeZone"[^>]*value="Mars\/Base"[^>]*aria-invalid="true"/);
    expect(html).toContain('<option value="zh-TW" selected>');
    expect(html).not.toContain('<option value="zh-CN" selected>');
    expect(html).toMatch(
      /id="settings-error"[^>]*>不认识时区 &quot;Mars\/Base&quot;[^<]*<br><span lang="en">time zone &quot;Mars\/Base&quot; is not known/,
    );
    expect(await subscriber()).toMatchObject({ language: "zh-CN", timeZone: "Asia/Shanghai" });
    const good = await post(
      manage,
      form([
        ["action", "settings"],
        ["language", "zh-TW"],
        ["timeZone", "Europe/Berlin"],
      ]),
    );
    expect(good.status).toBe(303);
    expect(await subscriber()).toMatchObject({ language: "zh-TW", timeZone: "Europe/Berlin" });
  });

  it("pauses, resumes and leaves; refuses the same from another site", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example.net" },
      { "sec-fetch-site": "cross-site" },
    ]) {
      expect((await post(manage, form([["action", "unsubscribe"]]), headers)).status).toBe(403);
      expect(
        (
          await post(
            manage,
            form([
              ["action", "keywords"],
              ["keyword", "evil"],
            ]),
            headers,
          )
        ).status,
      ).toBe(403);
    }
    expect((await subscriber())?.status).toBe("active");
    const same = { origin: web.base, "sec-fetch-site": "same-origin" };
    await post(manage, form([["action", "pause"]]), same);
    expect((await subscriber())?.status).toBe("paused");
    await post(manage, form([["action", "resume"]]), same);
    expect((await subscriber())?.status).toBe("active");
    await post(manage, form([["action", "unsubscribe"]]), same);
    expect((await subscriber())?.status).toBe("unsubscribed");
    // After leaving, the old link shows only "you are unsubscribed": resuming (or any other
    // change) would bring the address back without a new double opt-in.
    for (const action of ["resume", "keywords", "nonsense"]) {
      const answer = await post(
        manage,
        form([
          ["action", action],
          ["keyword", "x"],
        ]),
        same,
      );
      expect(answer.status).toBe(200);
      expect(await answer.text()).toContain("You are unsubscribed");
    }
    expect((await subscriber())?.status).toBe("unsubscribed");
    expect((await subscriber())?.keywords).not.toEqual(["x"]);
    const page = await (await get(manage)).text();
    expect(page).toContain('href="/"');
    expect(page).not.toContain('value="resume"');
    // Undo is offered, as a POST that starts a new double opt-in (unsubscribe.test.ts).
    expect(page).toMatch(/<form method="post" action="\/manage\/[^"]+\/undo">/);
    // Back on the list for the tests below, the way an operator would: not through the link.
    const db = await openDatabaseAt(web.env.DATABASE_URL!);
    await db.subscriber.update({
      where: { email: "reader@example.org" },
      data: { status: "active" },
    });
    await db.$disconnect();
  });

  it("?done= shows only its own notices (not __proto__ as 'undefined undefined')", async () => {
    for (const done of ["__proto__", "constructor", "toString"]) {
      const page = await get(`${manage}?done=${done}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toContain("undefined");
      expect(html).not.toContain('class="notice"');
    }
  });

  it("wrong or malformed manage links show the invalid-link page", async () => {
    const forged = manage.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    for (const path of [
      forged,
      "/manage/m1.short",
      "/manage/99999.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      `${manage}%0d%0aX:1`,
    ]) {
      expect((await get(path)).status).toBe(404);
      expect((await post(path, form([["action", "unsubscribe"]]))).status).toBe(404);
    }
    expect((await subscriber())?.status).toBe("active");
  });

  it("'mail me a new link' answers the same for unknown addresses and mails known ones", async () => {
    const form1 = await get("/manage");
    expect(await form1.text()).toContain('action="/manage"');
    const ask = async (email: string) =>
      (await (await post("/manage", form([["email", email]]))).text()).replaceAll(email, "X");
    const before = web.sink.messages.length;
    expect(await ask("reader@example.org")).toBe(await ask("nobody@example.org"));
    expect(web.sink.messages.length).toBe(before + 1);
    const fresh = linkInLastMail(web.sink, "reader@example.org", "manage");
    expect(fresh).toMatch(/^\/manage\/m\d+\./);
    expect((await get(fresh)).status).toBe(200);
    const invalid = await post("/manage", form([["email", "x".repeat(300)]]));
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('aria-invalid="true"');
  });

  it("the web view shows the delivery's digest as a page; wrong date or token is refused", async () => {
    const view = web.digestLink("other@example.org", "digest");
    const page = await get(view);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).toContain("Diffusion");
    expect(html).toContain("arxiv.org/abs/2510.13324");
    // Shortened in the mail, whole on the page.
    const ending = "a force-based control space";
    const mail = web.sink.messages.find((m) => JSON.stringify(m.to).includes("other@"));
    expect(mail?.html).not.toContain(ending);
    expect(html).toContain(ending);
    expect(html).toContain(view.replace("/digest/", "/unsubscribe/").replace(/\/[\d-]+\//, "/"));
    expect((await get(view.replace("2025-10-17", "2025-10-16"))).status).toBe(404);
    expect((await get(view.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).status).toBe(404);
    expect((await get("/digest/2025-10-17/1.x")).status).toBe(404);
  });
});
