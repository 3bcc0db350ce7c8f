import { describeEachDatabase } from "../../support/databases";
import { openDatabaseAt } from "../../support/open-test-db";
import { startWebTestServer, type WebTestServer } from "./web-test-server";

jest.setTimeout(60_000);

describeEachDatabase("the one-line summary in the web view (%s)", (kind) => {
  let web: WebTestServer;

  beforeAll(async () => {
    web = await startWebTestServer(kind, ["reader@example.org"]);
  });
  afterAll(() => web.close());

  it("shows a stored summary under the Chinese title, escaped like every other text", async () => {
    const db = await openDatabaseAt(web.env.DATABASE_URL as string);
    const paper = await db.paper.findFirstOrThrow({ where: { arxivId: "2510.13324" } });
    await db.translation.create({
      data: {
        paperId: paper.id,
        language: "zh-CN",
        title: "力控扩散策略",
        abstract: "本文研究扩散策略。",
        summary: "在力控制空间中<学习>扩散策略 & 更稳。",
        provider: "openai:test-model",
      },
    });
    await db.$disconnect();
    const page = await web.get(web.digestLink("reader@example.org", "digest"));
    expect(page.status).toBe(200);
    const html = await page.text();
    // The query's term is marked in the summary as in the title; the rest is escaped text.
    expect(html).toContain(
      '<mark style="background:#fff1a8;color:#1f2328">扩散策略</mark> &amp; 更稳',
    );
    expect(html.replace(/<mark[^>]*>|<\/mark>/g, "")).toMatch(
      /力控扩散策略<\/div>\s*<div class="muted summary" lang="zh-CN"[^>]*>一句话总结：在力控制空间中&lt;学习&gt;扩散策略 &amp; 更稳。<\/div>/,
    );
  });
});
