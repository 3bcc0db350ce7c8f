import { protectForDeepL, unprotectFromDeepL } from "../../../src/translate/deepl-markup";
import { deeplBaseUrl } from "../../../src/translate/deepl-translator";
import { Glossary } from "../../../src/translate/glossary";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";
import { readAnswer } from "../../../src/translate/openai-translator";
import { systemPrompt, userMessage } from "../../../src/translate/translation-prompt";

const glossary = new Glossary(GLOSSARY_ZH);

describe("the OpenAI prompt", () => {
  it("lists only the glossary terms the batch uses, and asks for JSON keyed by id", () => {
    const prompt = systemPrompt(glossary.termsIn("LLM agents use tokens"));
    expect(prompt).toContain("LLM → 大语言模型");
    expect(prompt).toContain("token → 词元");
    expect(prompt).not.toContain("扩散策略");
    expect(prompt).toMatch(/LaTeX math/);
    expect(prompt).toContain('{"translations":[{"id":');
  });

  it("asks for the summary field only when summaries are on, numbered after the terms", () => {
    expect(systemPrompt([])).not.toContain("summary");
    const terms = glossary.termsIn("LLM agents");
    const prompt = systemPrompt(terms, true);
    expect(prompt).toContain('6. Besides the full translation, write "summary"');
    expect(prompt).toContain('"abstract":"<Chinese abstract>","summary":"<一句话总结>"}');
    expect(systemPrompt([], true)).toContain('5. Besides the full translation, write "summary"');
  });

  it("sends the papers as JSON, and what to fix when re-asking", () => {
    const items = [{ id: "3", title: "T", abstract: "A" }];
    expect(JSON.parse(userMessage(items))).toEqual({ papers: items });
    expect(userMessage(items, new Map([["3", "keep $x$"]]))).toMatch(/id 3: keep \$x\$$/);
  });
});

describe("readAnswer (OpenAI)", () => {
  it("keeps the well-formed items and drops the others", () => {
    const content = JSON.stringify({
      translations: [
        { id: "1", title: "标题", abstract: "摘要" },
        { id: 2, title: "标题二", abstract: "摘要二" },
        { id: "3", title: "no abstract" },
      ],
    });
    expect(readAnswer(content)).toEqual({
      items: [
        { id: "1", title: "标题", abstract: "摘要" },
        { id: "2", title: "标题二", abstract: "摘要二" },
      ],
    });
  });

  it("accepts code fences and an object keyed by id; refuses what is not the format", () => {
    const fenced = '```json\n{"translations": {"5": {"title": "标题", "abstract": "摘要"}}}\n```';
    expect(readAnswer(fenced).items).toEqual([{ id: "5", title: "标题", abstract: "摘要" }]);
    expect(readAnswer("Sure! Here is the translation:").malformed).toBeDefined();
    expect(readAnswer('{"papers": []}').malformed).toBeDefined();
  });
});

describe("readAnswer and the summary field", () => {
  const content = JSON.stringify({
    translations: [
      { id: "1", title: "标题", abstract: "摘要", summary: "一句话。" },
      { id: "2", title: "标题二", abstract: "摘要二", summary: 42 },
    ],
  });

  it("keeps a summary only when one was asked for; a wrong one costs the paper nothing", () => {
    expect(readAnswer(content, true).items).toEqual([
      { id: "1", title: "标题", abstract: "摘要", summary: "一句话。" },
      { id: "2", title: "标题二", abstract: "摘要二" },
    ]);
    expect(readAnswer(content).items).toEqual([
      { id: "1", title: "标题", abstract: "摘要" },
      { id: "2", title: "标题二", abstract: "摘要二" },
    ]);
  });
});

describe("DeepL", () => {
  it("uses the free host for :fx keys, the pro host otherwise, and TRANSLATOR_BASE_URL over both", () => {
    expect(deeplBaseUrl("abc:fx")).toBe("https://api-free.deepl.com");
    expect(deeplBaseUrl("abc")).toBe("https://api.deepl.com");
    expect(deeplBaseUrl("abc:fx", "http://127.0.0.1:9/v2/")).toBe("http://127.0.0.1:9");
  });

  it("wraps math, URLs and glossary terms in ignored tags and escapes the rest", () => {
    const text = "LLM agents with $a<b$ & more, see https://x.org/p. Diffusion policies win.";
    const marked = protectForDeepL(text, glossary);
    expect(marked).toBe(
      "<x>大语言模型</x> <x>智能体</x> with <x>$a&lt;b$</x> &amp; more, see <x>https://x.org/p</x>. <x>扩散策略</x> win.",
    );
  });

  it("undoes the markup on the answer and closes the gaps DeepL leaves around tags", () => {
    const answer =
      "<x>大语言模型</x> <x>智能体</x>使用 <x>$a&lt;b$</x> 等，见 <x>https://x.org/p</x>。";
    expect(unprotectFromDeepL(answer)).toBe("大语言模型智能体使用 $a<b$ 等，见 https://x.org/p。");
  });
});
