import { translateEdition } from "../../../src/translate/translate-edition";
import {
  chatReply,
  fakeChinese,
  goodChatReply,
  papersOf,
  startTranslationServer,
  type Reply,
  type SeenCall,
} from "./fake-translation-server";
import { addPaper, openAiAt, referenceEdition, stageDeps } from "./translation-fixture";
import { openDatabaseAt } from "../../support/open-test-db";

type Server = Awaited<ReturnType<typeof startTranslationServer>>;

describe("OpenAI-compatible translation against a chat-completions server on 127.0.0.1", () => {
  let fixture: Awaited<ReturnType<typeof referenceEdition>>;
  let server: Server | undefined;

  beforeEach(async () => {
    fixture = await referenceEdition();
  });
  afterEach(async () => {
    await server?.close();
    await fixture.close();
  });

  async function serve(script: (call: SeenCall, index: number) => Reply, timeoutMs = 10_000) {
    server = await startTranslationServer(script);
    return openAiAt(server.url, { timeoutMs });
  }

  const askedIds = (call: SeenCall | undefined) => (call ? papersOf(call).map((p) => p.id) : []);

  it("sends 5+ papers per request in the chat-completions format, once per paper version", async () => {
    const translator = await serve((call) => goodChatReply(call));
    const deps = stageDeps(fixture.app, translator);
    const first = await translateEdition(deps, fixture.papers);
    const calls = server?.calls ?? [];
    expect(first.counts).toMatchObject({
      requested: 34,
      translated: 34,
      cached: 0,
      failed: 0,
      requests: 5,
    });
    for (const call of calls) {
      expect(call.method).toBe("POST");
      expect(call.path).toBe("/v1/chat/completions");
      expect(call.headers.authorization).toBe("Bearer sk-test");
      expect(call.body).toMatchObject({
        model: "qwen2.5:7b",
        response_format: { type: "json_object" },
      });
      expect(papersOf(call).length).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(calls.flatMap(askedIds)).size).toBe(34);
    const db = await openDatabaseAt(fixture.databaseUrl);
    const rows = await db.translation.findMany();
    await db.$disconnect();
    expect(rows).toHaveLength(34);
    expect(rows.every((r) => r.language === "zh-CN" && r.provider === "openai:qwen2.5:7b")).toBe(
      true,
    );

    const second = await translateEdition(deps, fixture.papers);
    expect(calls).toHaveLength(5);
    expect(second.counts).toMatchObject({ cached: 34, translated: 0, requests: 0, inputChars: 0 });
    expect(second.translations.size).toBe(34);

    const v2 = await addPaper(fixture.app, {
      arxivId: "2510.12815",
      version: 2,
      title: "Version two",
    });
    expect((await translateEdition(deps, [...fixture.papers, v2])).counts).toMatchObject({
      cached: 34,
      translated: 1,
      requests: 1,
    });
  });

  it("waits for Retry-After on 429 and backs off on 5xx, then succeeds", async () => {
    const translator = await serve((call, i) => {
      if (i === 0)
        return { status: 429, headers: { "Retry-After": "3" }, body: { error: "slow down" } };
      if (i === 1) return { status: 503, body: "overloaded" };
      return goodChatReply(call);
    });
    const deps = stageDeps(fixture.app, translator, { concurrency: 1 });
    const { counts } = await translateEdition(deps, fixture.papers.slice(0, 6));
    expect(deps.clock.sleeps).toEqual([3_000, 4_000]);
    expect(counts).toMatchObject({ translated: 6, failed: 0, requests: 3 });
  });

  it("gives up on a hung request after the timeout and asks again", async () => {
    const translator = await serve((call, i) => (i === 0 ? "hang" : goodChatReply(call)), 300);
    const deps = stageDeps(fixture.app, translator);
    const { counts } = await translateEdition(deps, fixture.papers.slice(0, 5));
    expect(counts).toMatchObject({ translated: 5, requests: 2 });
    expect(deps.clock.sleeps).toEqual([2_000]);
  });

  it("asks again for every paper after malformed JSON, and only for the missing ones after a partial answer", async () => {
    const translator = await serve((call, i) => {
      if (i === 0) return chatReply("Sure! Here are your translations: [1] 标题…");
      const ids = askedIds(call);
      if (i === 1) return goodChatReply(call, (p) => p.id === ids[1] || p.id === ids[3]);
      return goodChatReply(call);
    });
    const deps = stageDeps(fixture.app, translator);
    const { counts } = await translateEdition(deps, fixture.papers.slice(0, 6));
    const calls = server?.calls ?? [];
    const all = askedIds(calls[0]);
    expect(all).toHaveLength(6);
    expect(askedIds(calls[1])).toEqual(all);
    expect(askedIds(calls[2])).toEqual([all[1], all[3]]);
    expect(counts).toMatchObject({ translated: 6, requests: 3 });
  });

  it("keeps math and URLs: an answer that drops them is re-asked with what to keep", async () => {
    const paper = await addPaper(fixture.app, {
      arxivId: "2511.00001",
      title: "Regret $\\widetilde{O}(\\sqrt{T})$ bounds",
      abstract: "We prove $O(d\\log T)$ regret. Code: https://github.com/lab/bandits.",
    });
    const translator = await serve((call, i) =>
      i === 0
        ? chatReply(
            JSON.stringify({
              translations: [
                { id: String(paper.paperId), title: "遗憾界", abstract: "我们证明了对数遗憾。" },
              ],
            }),
          )
        : goodChatReply(call),
    );
    const deps = stageDeps(fixture.app, translator);
    const { translations } = await translateEdition(deps, [paper]);
    const retry = (server?.calls[1]?.body as { messages: { content: string }[] }).messages[1]
      ?.content;
    expect(retry).toContain("must keep $O(d\\log T)$ exactly as written");
    expect(retry).toContain("must keep https://github.com/lab/bandits exactly as written");
    const stored = translations.get(paper.paperId);
    expect(stored?.title).toContain("$\\widetilde{O}(\\sqrt{T})$");
    expect(stored?.abstract).toContain("$O(d\\log T)$");
    expect(stored?.abstract).toContain("https://github.com/lab/bandits");
  });

  it("holds the glossary: known mistranslations are replaced, other misses re-asked", async () => {
    const paper = await addPaper(fixture.app, {
      arxivId: "2511.00002",
      title: "Planning tokens for LLM agents",
      abstract: "LLM agents emit planning tokens; reproducible ``sweet spots'' appear.",
    });
    const id = String(paper.paperId);
    const answers = [
      {
        id,
        title: "法学硕士代理的规划代币",
        abstract: "法学硕士代理发出规划代币；出现可复现的``最佳点''。",
      },
      {
        id,
        title: "大语言模型智能体的规划词元",
        abstract: "大语言模型智能体发出规划词元；出现可复现的“最佳点”。",
      },
    ];
    const translator = await serve((_call, i) =>
      chatReply(JSON.stringify({ translations: [answers[i] ?? answers[1]] })),
    );
    const deps = stageDeps(fixture.app, translator);
    const { translations } = await translateEdition(deps, [paper]);
    const system = (server?.calls[0]?.body as { messages: { content: string }[] }).messages[0]
      ?.content;
    expect(system).toContain("LLM → 大语言模型");
    expect(system).toContain("token → 词元");
    const retry = (server?.calls[1]?.body as { messages: { content: string }[] }).messages[1]
      ?.content;
    expect(retry).toContain('translate "agent" as 智能体');
    expect(retry).not.toContain("大语言模型");
    expect(translations.get(paper.paperId)).toEqual({
      title: "大语言模型智能体的规划词元",
      abstract: "大语言模型智能体发出规划词元；出现可复现的“最佳点”。",
    });
  });

  it("translates at most TRANSLATOR_MAX_PAPERS papers a run and says so in the log", async () => {
    const translator = await serve((call) => goodChatReply(call));
    const deps = stageDeps(fixture.app, translator, { maxPapers: 10 });
    const { counts } = await translateEdition(deps, fixture.papers);
    expect(counts).toMatchObject({ requested: 34, translated: 10, overCap: 24, requests: 2 });
    expect(deps.lines.find((l) => l.level === "warn")?.msg).toBe(
      "translation cap reached: 34 papers need a translation, 10 are translated in this run " +
        "(TRANSLATOR_MAX_PAPERS=10); the other 24 are shown in English",
    );
  });

  it("counts what it sent and received", async () => {
    const translator = await serve((call) => goodChatReply(call));
    const { counts } = await translateEdition(
      stageDeps(fixture.app, translator),
      fixture.papers.slice(0, 5),
    );
    const english = fixture.papers
      .slice(0, 5)
      .reduce((n, p) => n + p.title.length + p.abstract.length, 0);
    expect(counts.inputChars).toBeGreaterThan(english);
    expect(counts.outputChars).toBeGreaterThan(
      fixture.papers.slice(0, 5).reduce((n, p) => n + fakeChinese(p.abstract).length, 0),
    );
  });
});
