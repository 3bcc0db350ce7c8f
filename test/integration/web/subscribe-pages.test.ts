import { describeEachDatabase } from "../../support/databases";
import { linkInLastMail, startWebTestServer, type WebTestServer } from "./web-test-server";
import { openDatabaseAt } from "../../support/open-test-db";

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body.toString();
};

jest.setTimeout(60_000);

describeEachDatabase("subscribe and confirm pages over HTTP (%s)", (kind) => {
  let web: WebTestServer;
  const post = (...args: Parameters<WebTestServer["post"]>) => web.post(...args);
  const get = (path: string) => web.get(path);
  const status = async (email: string) => (await web.app.subscribers.findByEmail(email))?.status;
  const mailsTo = (email: string) =>
    web.sink.messages.filter((m) => JSON.stringify(m.to).includes(email)).length;

  beforeAll(async () => {
    web = await startWebTestServer(kind, ["active@example.org"]);
  });
  afterAll(() => web.close());

  it("GET / is the form: bilingual, no scripts or outside assets, framing refused", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/subscribe"');
    expect(html).toContain('name="keywords"');
    expect(html).toContain("简体中文");
    expect(html).toContain("繁體中文");
    expect(html).toContain("Subscribe");
    expect(html).toContain("中文关键词"); // the syntax help shows a Chinese keyword
    expect(html).not.toMatch(/<script|<link|src="http/i);
  });

  it("POST /subscribe from a plain form elsewhere (or curl) starts double opt-in", async () => {
    const answer = await post(
      "/subscribe",
      form({
        email: " New@Example.org ",
        keywords: '"diffusion policy"\r\n\r\nrobots -survey\r\nti:世界模型 -综述',
        language: "zh-TW",
      }),
      { origin: "https://elsewhere.example.net", "sec-fetch-site": "cross-site" },
    );
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("new@example.org");
    const subscriber = await web.app.subscribers.findByEmail("new@example.org");
    expect(subscriber).toMatchObject({ status: "pending", language: "zh-TW" });
    expect(subscriber?.keywords).toEqual([
      '"diffusion policy"',
      "robots -survey",
      "ti:世界模型 -综述",
    ]);
    const mail = web.sink.messages.at(-1);
    expect(mail?.subject).toContain("Confirm");
    expect(mail?.from?.text).toContain("digest@localhost");
    expect(mail?.html).toContain("/confirm/");
  });

  it("answers the same for new, pending and subscribed addresses; one mail per address per hour", async () => {
    const page = async (email: string) =>
      (await (await post("/subscribe", form({ email, keywords: "graphs" }))).text()).replaceAll(
        email,
        "X",
      );
    const before = mailsTo("active@example.org");
    const pages = [
      await page("fresh@example.org"),
      await page("new@example.org"),
      await page("active@example.org"),
    ];
    expect(new Set(pages).size).toBe(1);
    // new@ was mailed a minute ago: nothing more. active@ gets its manage link, keywords untouched.
    expect(mailsTo("new@example.org")).toBe(1);
    expect(mailsTo("active@example.org")).toBe(before + 1);
    expect(linkInLastMail(web.sink, "active@example.org", "manage")).toMatch(/^\/manage\/m\d+\./);
    expect((await web.app.subscribers.findByEmail("active@example.org"))?.keywords).toEqual([
      '"diffusion policy"',
    ]);
    await post("/subscribe", form({ email: "fresh@example.org", keywords: "graphs" }));
    expect(mailsTo("fresh@example.org")).toBe(1);
  });

  it("refuses bad and hostile input next to the field, storing nothing", async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ email: `${"a".repeat(250)}@example.org`, keywords: "x" }, /longer than 254/],
      [{ email: "not-an-address", keywords: "x" }, /needs a name, an @ and a domain/],
      [
        {
          email: "bad1@example.org",
          keywords: Array.from({ length: 21 }, (_, i) => `k${i}`).join("\n"),
        },
        /21 keyword queries given; at most 20/,
      ],
      [{ email: "bad2@example.org", keywords: "x".repeat(101) }, /at most 100 are allowed/],
      [{ email: "bad3@example.org", keywords: "" }, /at least one keyword query/],
      [{ email: "bad4@example.org", keywords: "x", language: "en" }, /not offered/],
    ];
    for (const [fields, message] of cases) {
      const answer = await post("/subscribe", form(fields));
      expect(answer.status).toBe(400);
      const html = await answer.text();
      expect(html).toMatch(message);
      expect(html).toContain('role="alert"');
    }
    for (const email of [
      "bad1@example.org",
      "bad2@example.org",
      "bad3@example.org",
      "bad4@example.org",
    ]) {
      expect(await status(email)).toBeUndefined();
    }
  });

  it("points at the spot of a syntax error and escapes what it shows", async () => {
    const answer = await post(
      "/subscribe",
      form({
        email: "<script>alert(1)</script>@x.org",
        keywords: 'ok\n"<script>alert(2)</script>',
      }),
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toMatch(/id="keywords-error"[^>]*role="alert"/);
    expect(html).toContain("<mark>");
    // The address's problem too, in both languages.
    expect(html).toMatch(
      /id="email-error"[^>]*>[^<]*不是有效的邮箱地址：@ 前面的部分有不允许的字符<br><span lang="en">[^<]*is not a valid email address/,
    );
  });

  it("lists every bad keyword line with its number, once in each language, and stores nothing", async () => {
    const answer = await post(
      "/subscribe",
      form({
        email: "three@example.org",
        keywords: 'robots\n"open phrase\n\ngrasping OR -robot\ncat:xx.YY',
        language: "zh-TW",
      }),
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    const problems = /<div id="keywords-error"[^>]*><ul>(.*?)<\/ul><\/div>/s.exec(html)?.[1] ?? "";
    const items = problems.split("</li>").filter((item) => item.includes("<li>"));
    expect(items).toHaveLength(3);
    // Line numbers as the reader counts them: the blank line 3 counts, line 1 is fine.
    const said: [number, string, string][] = [
      [2, "有一个没有闭合的引号", "has a quote &quot; that is never closed"],
      [4, "只有要排除的词", "only excludes"],
      [5, "有未知的 arXiv 分类", "has an unknown arXiv category"],
    ];
    said.forEach(([line, zh, en], i) => {
      expect(items[i]).toContain(`第 ${line} 行 · <span lang="en">Line ${line}</span>`);
      expect(items[i]).toContain(zh);
      expect(items[i]).toContain(en);
    });
    expect(html).not.toContain("not valid:");
    // What was typed is kept, with the language chosen.
    expect(html).toContain("grasping OR -robot");
    expect(html).toMatch(/value="zh-TW" checked/);
    expect(await status("three@example.org")).toBeUndefined();
  });

  it("takes JSON or nothing at all without failing, and refuses oversized bodies", async () => {
    const json = await post(
      "/subscribe",
      JSON.stringify({ email: ["a@b.org"], keywords: { x: 1 } }),
      {
        "content-type": "application/json",
      },
    );
    expect(json.status).toBe(400);
    expect((await post("/subscribe", "")).status).toBe(400);
    const huge = await post(
      "/subscribe",
      form({ email: "big@example.org", keywords: "x".repeat(40_000) }),
    );
    expect(huge.status).toBe(413);
    expect(await status("big@example.org")).toBeUndefined();
  });

  it("limits requests per IP address", async () => {
    const ip = "10.99.99.99";
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const answer = await post(
        "/subscribe",
        form({ email: `flood${i}@example.org`, keywords: "x" }),
        {
          "x-forwarded-for": ip,
        },
      );
      codes.push(answer.status);
    }
    expect(codes.slice(0, 10).every((code) => code === 200)).toBe(true);
    expect(codes[10]).toBe(429);
    expect(await status("flood10@example.org")).toBeUndefined();
    // Another address is not held back.
    expect(
      (await post("/subscribe", form({ email: "other@example.org", keywords: "x" }))).status,
    ).toBe(200);
  });

  it("GET /confirm shows the request and changes nothing; a cross-site POST is refused", async () => {
    const link = linkInLastMail(web.sink, "new@example.org", "confirm");
    const page = await get(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    // The latest request's keywords: what the button confirms is what the page shows.
    expect(html).toContain("<code>graphs</code>");
    expect(html).toContain('<form method="post">');
    expect(await status("new@example.org")).toBe("pending");
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example.net" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://sub.example.org" },
    ]) {
      expect((await post(link, "confirm=1", headers)).status).toBe(403);
    }
    expect(await status("new@example.org")).toBe("pending");
  });

  it("POST /confirm from its own page confirms and links to the manage page", async () => {
    const link = linkInLastMail(web.sink, "new@example.org", "confirm");
    const answer = await post(link, "confirm=1", {
      origin: web.base,
      "sec-fetch-site": "same-origin",
    });
    expect(answer.status).toBe(200);
    const manage = /href="(\/manage\/m\d+\.[\w-]+)"/.exec(await answer.text())?.[1];
    expect(await status("new@example.org")).toBe("active");
    expect((await get(manage ?? "/manage/none")).status).toBe(200);

    // The link works once: pressing it again mints no new manage key (the first stays valid)
    // and says where to get a manage link instead.
    const again = await post(link, "confirm=1", {
      origin: web.base,
      "sec-fetch-site": "same-origin",
    });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain("Already confirmed");
    expect(html).toContain('href="/manage"');
    expect(html).not.toMatch(/\/manage\/m\d+\./);
    expect((await get(link)).status).toBe(409);
    expect((await get(manage ?? "/manage/none")).status).toBe(200);
  });

  it("wrong, malformed and expired confirmation links change nothing", async () => {
    const link = linkInLastMail(web.sink, "fresh@example.org", "confirm");
    const forged = link.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    for (const path of [forged, "/confirm/1.short", "/confirm/..%2f..%2fetc", `${link}x`]) {
      expect((await get(path)).status).toBe(404);
      expect((await post(path, "confirm=1")).status).toBe(404);
    }
    const db = await openDatabaseAt(web.env.DATABASE_URL!);
    await db.subscriber.update({
      where: { email: "fresh@example.org" },
      data: { confirmTokenExpiresAt: new Date(Date.now() - 1000) },
    });
    await db.$disconnect();
    expect((await get(link)).status).toBe(410);
    expect((await post(link, "confirm=1")).status).toBe(410);
    expect(await status("fresh@example.org")).toBe("pending");
  });
});
