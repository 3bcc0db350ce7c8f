import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Glossary, termPattern } from "../../../src/translate/glossary";
import { readGlossaryFile } from "../../../src/translate/glossary-file";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";

const glossary = new Glossary(GLOSSARY_ZH);

function writeTemp(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "glossary-")), name);
  fs.writeFileSync(file, text);
  return file;
}

describe("termPattern", () => {
  it("matches plurals, hyphens for spaces and any case, on word boundaries", () => {
    const policy = termPattern("diffusion policy");
    expect(policy.test("Diffusion Policies for manipulation")).toBe(true);
    expect(policy.test("a diffusion-policy baseline")).toBe(true);
    expect(policy.test("diffusion policymaking")).toBe(false);
    const token = termPattern("token");
    expect(token.test("planning tokens")).toBe(true);
    expect(token.test("token-level advantage")).toBe(true);
    expect(token.test("a tokenizer")).toBe(false);
  });

  it("matches acronyms in their own case only", () => {
    const llm = termPattern("LLM");
    expect(llm.test("LLMs augmented with tools")).toBe(true);
    expect(llm.test("see github.com/x/llm-tools")).toBe(false);
  });
});

describe("Glossary", () => {
  it("ships the terms the reference digest got wrong, and a few dozen more", () => {
    const zh = (en: string) => glossary.terms.find((t) => t.en === en)?.zh;
    expect(zh("LLM")).toBe("大语言模型");
    expect(zh("token")).toBe("词元");
    expect(zh("reinforcement learning")).toBe("强化学习");
    expect(zh("diffusion policy")).toBe("扩散策略");
    expect(glossary.terms.length).toBeGreaterThanOrEqual(40);
  });

  it("lists only the terms a text uses", () => {
    const terms = glossary.termsIn("We fine-tune LLMs with reinforcement learning.");
    expect(terms.map((t) => t.en)).toEqual(["LLM", "reinforcement learning"]);
  });

  it("finds terms in plural, hyphenated, capitalised and acronym forms, and not inside words", () => {
    const text = "Diffusion Policies in Bird's-Eye View: Q-learning meets LLMs; agentic MLLM";
    expect(glossary.termsIn(text).map((t) => t.en)).toEqual(
      expect.arrayContaining(["LLM", "MLLM", "Q-learning", "diffusion policy", "bird's-eye view"]),
    );
    expect(glossary.termsIn(text).map((t) => t.en)).not.toContain("agent");
    expect(glossary.termsIn("llms and mllm in a URL").map((t) => t.en)).toEqual([]);
  });

  it("replaces known mistranslations where the source has the term, and nowhere else", () => {
    expect(glossary.fixAvoided("planning tokens and LLMs", "规划代币和法学硕士")).toBe(
      "规划词元和大语言模型",
    );
    expect(glossary.fixAvoided("a law school study", "法学硕士的研究")).toBe("法学硕士的研究");
  });

  it("finds a term rendered neither as the glossary says nor kept in English", () => {
    expect(glossary.missedTerms("RL agents", "RL 代理").map((t) => t.en)).toEqual(["agent"]);
    expect(glossary.missedTerms("RL agents", "RL 智能体")).toEqual([]);
    expect(glossary.missedTerms("an LLM", "一个 LLM")).toEqual([]);
  });

  it("accepts any of zhAlso as well as zh, and still re-asks other renderings", () => {
    const rl = new Glossary([
      { en: "reinforcement learning", zh: "强化学习", zhAlso: ["增强学习"] },
    ]);
    const source = "Deep reinforcement learning for control";
    expect(rl.missedTerms(source, "用于控制的深度强化学习")).toEqual([]);
    expect(rl.missedTerms(source, "用于控制的深度增强学习")).toEqual([]);
    expect(rl.missedTerms(source, "用于控制的深度加固学习").map((t) => t.en)).toEqual([
      "reinforcement learning",
    ]);
  });

  it("reads past the spaces Chinese does not need and English kept right next to Chinese", () => {
    expect(glossary.missedTerms("deep Q-learning", "深度 Q 学习")).toEqual([]);
    expect(glossary.missedTerms("KL-regularized RLHF", "KL正则化RLHF")).toEqual([]);
    expect(glossary.missedTerms("RLHF", "正则化RLHX").map((t) => t.en)).toEqual(["RLHF"]);
  });

  it("does not count a term inside a longer one rendered well, only its own occurrences", () => {
    const source = "Large language models as language models of code";
    expect(glossary.missedTerms("Large language models", "大模型")).toEqual([]);
    expect(glossary.missedTerms(source, "大模型作为代码的语言模型")).toEqual([]);
    expect(glossary.missedTerms(source, "大模型作为代码的模型").map((t) => t.en)).toEqual([
      "language model",
    ]);
  });

  it("keeps replacing an entry's avoid items by its zh, whatever its zhAlso", () => {
    const fixed = glossary.fixAvoided("an LLM agent", "一个大型语言模型智能体");
    expect(fixed).toBe("一个大语言模型智能体");
  });

  it("lets the operator's entries replace shipped ones with the same term", () => {
    const custom = new Glossary(GLOSSARY_ZH, [{ en: "Agent", zh: "代理体" }]);
    expect(custom.terms.find((t) => t.en.toLowerCase() === "agent")?.zh).toBe("代理体");
    expect(custom.terms.length).toBe(glossary.terms.length);
  });
});

describe("readGlossaryFile", () => {
  it('reads "english = 中文" lines with comments and an optional != list of wrong renderings', () => {
    const file = writeTemp(
      "g.txt",
      "# my lab\nworld model = 世界模型\n\nrollout = 推演 != 展开, 铺开  # ours\n",
    );
    expect(readGlossaryFile(file)).toEqual({
      entries: [
        { en: "world model", zh: "世界模型" },
        { en: "rollout", zh: "推演", avoid: ["展开", "铺开"] },
      ],
      problems: [],
    });
  });

  it("reads JSON as a map or as a list of entries", () => {
    expect(readGlossaryFile(writeTemp("a.json", '{"rollout": "推演"}')).entries).toEqual([
      { en: "rollout", zh: "推演" },
    ]);
    const list = '[{"en": "rollout", "zh": "推演", "zhAlso": ["滚动"], "avoid": ["展开"]}]';
    expect(readGlossaryFile(writeTemp("b.json", list)).entries).toEqual([
      { en: "rollout", zh: "推演", zhAlso: ["滚动"], avoid: ["展开"] },
    ]);
  });

  it("reads more accepted renderings after commas on a line", () => {
    const file = writeTemp("z.txt", "reinforcement learning = 强化学习，增强学习 != 加固学习\n");
    expect(readGlossaryFile(file)).toEqual({
      entries: [
        { en: "reinforcement learning", zh: "强化学习", zhAlso: ["增强学习"], avoid: ["加固学习"] },
      ],
      problems: [],
    });
  });

  it("refuses a rendering that is also listed as wrong", () => {
    const file = writeTemp("w.txt", "rollout = 推演, 展开 != 展开\n");
    expect(readGlossaryFile(file).problems).toEqual([
      '"rollout": 展开 is given both as a rendering and after !=',
    ]);
  });

  it("names the line at fault, and a file it cannot read", () => {
    const file = writeTemp("bad.txt", "world model = 世界模型\njust words\n");
    expect(readGlossaryFile(file).problems).toEqual([
      'line 2: expected "english = 中文", got "just words"',
    ]);
    expect(readGlossaryFile("/nonexistent/glossary.txt").problems[0]).toMatch(/cannot be read/);
    expect(readGlossaryFile(writeTemp("c.json", '{"x": 1}')).problems).toHaveLength(1);
  });
});
