import { DeepLTranslator } from "../../../src/translate/deepl-translator";
import { Glossary } from "../../../src/translate/glossary";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";
import { translateEdition } from "../../../src/translate/translate-edition";
import { startTranslationServer, type Reply, type SeenCall } from "./fake-translation-server";
import { addPaper, referenceEdition, stageDeps } from "./translation-fixture";

interface DeepLBody {
  text: string[];
  source_lang: string;
  target_lang: string;
  tag_handling: string;
  ignore_tags: string[];
}

/** What DeepL does with tag_handling=xml: translates around the ignored tags, keeps them. */
function deeplReply(call: SeenCall, drop = 0): Reply {
  const texts = (call.body as DeepLBody).text;
  const translations = texts.slice(drop).map((text) => {
    const kept = [...text.matchAll(/<x>[\s\S]*?<\/x>/g)].map((m) => m[0]);
    return { detected_source_language: "EN", text: `本文 ${kept.join(" ")} 提出了一种方法。` };
  });
  return { status: 200, body: { translations } };
}

describe("DeepL translation against a /v2/translate server on 127.0.0.1", () => {
  let fixture: Awaited<ReturnType<typeof referenceEdition>>;
  let server: Awaited<ReturnType<typeof startTranslationServer>> | undefined;

  beforeEach(async () => {
    fixture = await referenceEdition();
  });
  afterEach(async () => {
    await server?.close();
    await fixture.close();
  });

  async function serve(script: (call: SeenCall, index: number) => Reply) {
    server = await startTranslationServer(script);
    return new DeepLTranslator({
      apiKey: "test-key:fx",
      baseUrl: server.url,
      glossary: new Glossary(GLOSSARY_ZH),
      timeoutMs: 10_000,
    });
  }

  it("sends 17 papers (34 texts) per request in DeepL's format, and nothing on the second run", async () => {
    const translator = await serve((call) => deeplReply(call));
    const deps = stageDeps(fixture.app, translator);
    const first = await translateEdition(deps, fixture.papers);
    const calls = server?.calls ?? [];
    expect(first.counts).toMatchObject({ translated: 34, failed: 0, requests: 2 });
    for (const call of calls) {
      expect(call.path).toBe("/v2/translate");
      expect(call.headers.authorization).toBe("DeepL-Auth-Key test-key:fx");
      expect(call.body).toMatchObject({
        source_lang: "EN",
        target_lang: "ZH-HANS",
        tag_handling: "xml",
        ignore_tags: ["x"],
      });
      expect((call.body as DeepLBody).text).toHaveLength(34);
    }
    // DeepL cannot summarise: no summary, and no error for it.
    expect([...first.translations.values()].every((t) => t.summary === undefined)).toBe(true);
    const second = await translateEdition(deps, fixture.papers);
    expect(second.counts).toMatchObject({ cached: 34, requests: 0 });
    expect(calls).toHaveLength(2);
  });

  it("carries math, URLs and glossary terms through DeepL untouched", async () => {
    const paper = await addPaper(fixture.app, {
      arxivId: "2511.00003",
      title: "Diffusion policies for LLM agents",
      abstract: "We bound $\\epsilon < 1/2$ with tokens, see https://example.org/x.",
    });
    const translator = await serve((call) => deeplReply(call));
    const { translations } = await translateEdition(stageDeps(fixture.app, translator), [paper]);
    const sent = (server?.calls[0]?.body as DeepLBody).text;
    expect(sent[1]).toBe(
      "We bound <x>$\\epsilon &lt; 1/2$</x> with <x>词元</x>, see <x>https://example.org/x</x>.",
    );
    expect(translations.get(paper.paperId)).toEqual({
      title: "本文扩散策略大语言模型智能体提出了一种方法。",
      abstract: "本文 $\\epsilon < 1/2$ 词元 https://example.org/x 提出了一种方法。",
    });
  });

  it("asks again when the answer has fewer texts than were sent", async () => {
    const translator = await serve((call, i) => deeplReply(call, i === 0 ? 2 : 0));
    const { counts } = await translateEdition(
      stageDeps(fixture.app, translator),
      fixture.papers.slice(0, 5),
    );
    expect(counts).toMatchObject({ translated: 5, requests: 2 });
  });

  it("stops at once when the quota is spent (456) and honours Retry-After on 429", async () => {
    const quota = await serve(() => ({ status: 456, body: { message: "Quota exceeded" } }));
    const stopped = await translateEdition(
      stageDeps(fixture.app, quota, { concurrency: 1 }),
      fixture.papers,
    );
    expect(stopped.counts).toMatchObject({ translated: 0, failed: 34, requests: 1 });
    await server?.close();

    const limited = await serve((call, i) =>
      i === 0 ? { status: 429, headers: { "Retry-After": "5" } } : deeplReply(call),
    );
    const deps = stageDeps(fixture.app, limited);
    const { counts } = await translateEdition(deps, fixture.papers.slice(0, 5));
    expect(deps.clock.sleeps).toEqual([5_000]);
    expect(counts).toMatchObject({ translated: 5, requests: 2 });
  });
});
