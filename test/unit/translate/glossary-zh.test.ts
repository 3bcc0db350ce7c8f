import { Glossary } from "../../../src/translate/glossary";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";

/** Words that would match nearly every paper and distort prompts and Chinese queries. */
const TOO_GENERIC = [
  "model",
  "learning",
  "method",
  "data",
  "network",
  "task",
  "training",
  "system",
  "approach",
  "algorithm",
  "framework",
  "performance",
  "result",
  "optimization",
  "classification",
];
const HAN = /\p{Script=Han}/u;
const glossary = new Glossary(GLOSSARY_ZH);
const renderings = (entry: { zh: string; zhAlso?: readonly string[] }) => [
  entry.zh,
  ...(entry.zhAlso ?? []),
];

describe("the shipped glossary", () => {
  it("has at least 300 entries, no English term twice (in any case)", () => {
    expect(GLOSSARY_ZH.length).toBeGreaterThanOrEqual(300);
    const seen = new Map<string, number>();
    for (const { en } of GLOSSARY_ZH)
      seen.set(en.toLowerCase(), (seen.get(en.toLowerCase()) ?? 0) + 1);
    expect([...seen].filter(([, count]) => count > 1)).toEqual([]);
  });

  it("never lists a rendering of an entry among its own avoid items", () => {
    const clashes = GLOSSARY_ZH.filter((entry) =>
      renderings(entry).some((zh) => entry.avoid?.includes(zh)),
    );
    expect(clashes).toEqual([]);
  });

  it("writes every rendering in Chinese, unless the field keeps the English term", () => {
    const notChinese = GLOSSARY_ZH.flatMap((entry) =>
      renderings(entry).filter(
        (zh) => zh.toLowerCase() !== entry.en.toLowerCase() && !HAN.test(zh),
      ),
    );
    expect(notChinese).toEqual([]);
  });

  it("has no single generic word as a term", () => {
    const generic = GLOSSARY_ZH.filter((entry) => TOO_GENERIC.includes(entry.en.toLowerCase()));
    expect(generic).toEqual([]);
  });

  it("accepts every rendering of a term, and leaves it as written", () => {
    const problems = glossary.terms.flatMap((term) =>
      renderings(term).flatMap((zh) => {
        const missed = glossary.missedTerms(term.en, zh).map((t) => t.en);
        const fixed = glossary.fixAvoided(term.en, zh);
        return missed.length > 0 || fixed !== zh ? [{ en: term.en, zh, missed, fixed }] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it("maps common Chinese variants back to the English terms", () => {
    const englishFor = (zh: string) =>
      GLOSSARY_ZH.filter((entry) => renderings(entry).includes(zh)).map((entry) => entry.en);
    expect(englishFor("增强学习")).toEqual(["reinforcement learning", "RL"]);
    expect(englishFor("世界模型")).toEqual(["world model"]);
    expect(englishFor("扩散模型")).toEqual(["diffusion model"]);
    expect(englishFor("大模型")).toEqual(["LLM", "large language model", "large model"]);
    // OpenCC's tw → cn and twp → cn readings of a reader's 類神經網路 and 物件偵測
    for (const zh of ["类神经网路", "类神经网络"])
      expect(englishFor(zh)).toEqual(["neural network"]);
    for (const zh of ["物件侦测", "对象侦测"]) expect(englishFor(zh)).toEqual(["object detection"]);
  });
});
