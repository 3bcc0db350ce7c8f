import { checkTranslation } from "../../../src/translate/check-translation";
import { Glossary } from "../../../src/translate/glossary";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";
import { lostSpans, protectedSpans } from "../../../src/translate/protected-spans";

const glossary = new Glossary(GLOSSARY_ZH);
const source = {
  id: "7",
  title: "Regret $\\widetilde{\\mathcal{O}}(\\sqrt{T})$ for LLM agents",
  abstract:
    "We prove a regret of $O(\\sqrt{T})$ for LLM agents. Code: https://github.com/lab/repo. It costs $5 and $10.",
};
const good = {
  id: "7",
  title: "大语言模型智能体的 $\\widetilde{\\mathcal{O}}(\\sqrt{T})$ 遗憾",
  abstract:
    "我们为大语言模型智能体证明了 $O( \\sqrt{T} )$ 的遗憾。代码：https://github.com/lab/repo。花费 5 美元和 10 美元。",
};

describe("protectedSpans", () => {
  it("finds math and URLs, not prices, and ends a URL before its full stop", () => {
    expect(protectedSpans(source.abstract).map((s) => s.text)).toEqual([
      "$O(\\sqrt{T})$",
      "https://github.com/lab/repo",
    ]);
  });

  it("ignores spaces inside math when comparing", () => {
    expect(lostSpans(source.abstract, good.abstract)).toEqual([]);
  });
});

describe("checkTranslation", () => {
  it("accepts a faithful translation as it is", () => {
    const checked = checkTranslation(source, good, glossary);
    expect(checked).toEqual({ value: good, hard: [], soft: [] });
  });

  it("turns LaTeX quotes into Chinese quotes and fixes known mistranslations", () => {
    const checked = checkTranslation(
      {
        id: "1",
        title: "LLM tokens",
        abstract: "Reproducible ``sweet spots'' for LLMs and tokens.",
      },
      { id: "1", title: "法学硕士代币", abstract: "法学硕士和代币的可复现``最佳点''。" },
      glossary,
    );
    expect(checked.value.title).toBe("大语言模型词元");
    expect(checked.value.abstract).toBe("大语言模型和词元的可复现“最佳点”。");
    expect(checked.hard).toEqual([]);
    expect(checked.soft).toEqual([]);
  });

  it("refuses a translation that lost math or a URL, naming what to keep", () => {
    const checked = checkTranslation(
      source,
      { ...good, abstract: "我们证明了根号 T 的遗憾，代码见 GitHub。" },
      glossary,
    );
    expect(checked.hard).toEqual([
      "the abstract must keep $O(\\sqrt{T})$ exactly as written",
      "the abstract must keep https://github.com/lab/repo exactly as written",
    ]);
  });

  it("refuses an empty answer and English sent back as it came", () => {
    expect(checkTranslation(source, { ...good, title: " " }, glossary).hard).toEqual([
      "empty title or abstract",
    ]);
    expect(checkTranslation(source, { ...good, abstract: source.abstract }, glossary).hard).toEqual(
      ["the abstract is not in Chinese"],
    );
  });

  it("notes a glossary term rendered another way as a softer problem", () => {
    const checked = checkTranslation(
      source,
      { ...good, abstract: good.abstract.replace("智能体", "代理") },
      glossary,
    );
    expect(checked.hard).toEqual([]);
    expect(checked.soft).toEqual(['translate "agent" as 智能体']);
  });
});
