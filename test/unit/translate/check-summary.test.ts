import { checkSummary, SUMMARY_MAX_HAN } from "../../../src/translate/check-summary";
import { Glossary } from "../../../src/translate/glossary";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";

const glossary = new Glossary(GLOSSARY_ZH);
const source = { id: "1", title: "Planning for LLM agents", abstract: "LLM agents plan." };
const check = (summary?: string) => checkSummary(source, summary, glossary);

describe("checkSummary", () => {
  it("keeps a short Chinese line, trimmed, with the glossary's words and acronyms as written", () => {
    expect(check("  用 ``规划器'' 让法学硕士智能体\n提升 LoRA 成功率 3%。 ")).toBe(
      "用 “规划器” 让大语言模型智能体 提升 LoRA 成功率 3%。",
    );
  });

  it(`drops what is missing, longer than ${SUMMARY_MAX_HAN} Chinese characters, or English`, () => {
    expect(check(undefined)).toBeUndefined();
    expect(check("  ")).toBeUndefined();
    expect(check("好".repeat(SUMMARY_MAX_HAN))).toBe("好".repeat(SUMMARY_MAX_HAN));
    expect(check("好".repeat(SUMMARY_MAX_HAN + 1))).toBeUndefined();
    expect(check("新方 X1 ".repeat(20))).toBeUndefined(); // 40 characters, 120 in all
    expect(check("This paper plans for LLM agents.")).toBeUndefined();
    expect(check("We plan for 智能体 with a better planner.")).toBeUndefined();
  });
});
