import { translateEdition } from "../../../src/translate/translate-edition";
import {
  chatReply,
  fakeChinese,
  fakeSummary,
  goodChatReply,
  messageOf,
  papersOf,
  startTranslationServer,
  type Reply,
  type SeenCall,
} from "./fake-translation-server";
import { addPaper, openAiAt, referenceEdition, stageDeps } from "./translation-fixture";
import { openDatabaseAt } from "../../support/open-test-db";

type Server = Awaited<ReturnType<typeof startTranslationServer>>;

describe("the one-line Chinese summary (一句话总结) through a chat-completions server on 127.0.0.1", () => {
  let fixture: Awaited<ReturnType<typeof referenceEdition>>;
  let server: Server | undefined;

  beforeEach(async () => {
    fixture = await referenceEdition();
  });
  afterEach(async () => {
    await server?.close();
    await fixture.close();
  });

  async function serve(script: (call: SeenCall, index: number) => Reply, summary = true) {
    server = await startTranslationServer(script);
    return openAiAt(server.url, { summary });
  }

  async function storedSummaries(): Promise<Map<number, string | null>> {
    const db = await openDatabaseAt(fixture.databaseUrl);
    const rows = await db.translation.findMany({ select: { paperId: true, summary: true } });
    await db.$disconnect();
    return new Map(rows.map((r) => [r.paperId, r.summary]));
  }

  it("comes in the same answer as the translation, is stored with it and read back from the cache", async () => {
    const translator = await serve((call) => goodChatReply(call));
    const deps = stageDeps(fixture.app, translator);
    const first = await translateEdition(deps, fixture.papers);
    expect(first.counts).toMatchObject({ translated: 34, failed: 0, requests: 5 });
    const calls = server?.calls ?? [];
    expect(messageOf(calls[0] as SeenCall, "system")).toContain('"summary":"<一句话总结>"');

    const stored = await storedSummaries();
    for (const paper of fixture.papers) {
      expect(stored.get(paper.paperId)).toBe(fakeSummary(paper));
      expect(first.translations.get(paper.paperId)?.summary).toBe(fakeSummary(paper));
    }
    const second = await translateEdition(deps, fixture.papers);
    expect(calls).toHaveLength(5);
    const paper = fixture.papers[0];
    expect(second.translations.get(paper?.paperId ?? -1)?.summary).toBe(
      paper && fakeSummary(paper),
    );
  });

  it("keeps a good summary, drops a missing, too long or English-only one, and asks nothing again", async () => {
    const papers = [];
    for (const [i, name] of [
      "good",
      "missing",
      "too-long",
      "english",
      "mostly-english",
    ].entries()) {
      papers.push(
        await addPaper(fixture.app, {
          arxivId: `2511.0010${i}`,
          title: `LLM agents, ${name}`,
          abstract: "LLM agents plan with $O(n)$ steps.",
        }),
      );
    }
    const summaries = [
      "  提出用于法学硕士智能体的 LoRA-XL，在 ImageNet 上提升 3%。 ",
      undefined,
      "本文".repeat(31) + "。",
      "This paper proposes a planner for LLM agents.",
      "We propose a planner for 智能体 with better steps.",
    ];
    const answer = {
      translations: papers.map((p, i) => ({
        id: String(p.paperId),
        title: "大语言模型智能体",
        abstract: "大语言模型智能体以 $O(n)$ 步进行规划。",
        ...(summaries[i] === undefined ? {} : { summary: summaries[i] }),
      })),
    };
    const translator = await serve(() => chatReply(JSON.stringify(answer)));
    const { counts, translations } = await translateEdition(
      stageDeps(fixture.app, translator),
      papers,
    );
    expect(counts).toMatchObject({ translated: 5, failed: 0, requests: 1 });
    const good = "提出用于大语言模型智能体的 LoRA-XL，在 ImageNet 上提升 3%。";
    expect(papers.map((p) => translations.get(p.paperId)?.summary)).toEqual([
      good,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const stored = await storedSummaries();
    expect(papers.map((p) => stored.get(p.paperId))).toEqual([good, null, null, null, null]);
  });

  it("with TRANSLATOR_SUMMARY=false is not asked for, and one answered anyway is not kept", async () => {
    // A model that writes a summary whether asked or not.
    const translator = await serve(
      (call) =>
        chatReply(
          JSON.stringify({
            translations: papersOf(call).map((p) => ({
              id: p.id,
              title: fakeChinese(p.title),
              abstract: fakeChinese(p.abstract),
              summary: fakeSummary(p),
            })),
          }),
        ),
      false,
    );
    const { counts, translations } = await translateEdition(
      stageDeps(fixture.app, translator),
      fixture.papers.slice(0, 8),
    );
    expect(counts).toMatchObject({ translated: 8, requests: 1 });
    expect([...translations.values()].every((t) => t.summary === undefined)).toBe(true);
    expect(messageOf(server?.calls[0] as SeenCall, "system")).not.toContain("summary");
    expect([...(await storedSummaries()).values()]).toEqual(Array(8).fill(null));
  });
});
