import { foldedWords, wordsWithOffsets } from "../../../src/match/fold-text";
import { stem } from "../../../src/match/stem";

describe("stem: plurals fold to one key, nothing else changes", () => {
  it.each([
    // -ies / -ie
    ["policies", "policy"],
    ["policy", "policy"],
    ["queries", "query"],
    ["movies", "movy"],
    ["movie", "movy"],
    ["ties", "tie"],
    // -sses, -xes, -ches, -shes, -iases, -che
    ["processes", "process"],
    ["process", "process"],
    ["boxes", "box"],
    ["approaches", "approach"],
    ["meshes", "mesh"],
    ["biases", "bias"],
    ["bias", "bias"],
    ["caches", "cach"],
    ["cache", "cach"],
    // final -s
    ["models", "model"],
    ["llms", "llm"],
    ["gpus", "gpu"],
    ["apis", "api"],
    ["learners", "learner"],
    // kept
    ["learning", "learning"],
    ["learner", "learner"],
    ["learned", "learned"],
    ["loss", "loss"],
    ["corpus", "corpus"],
    ["analysis", "analysis"],
    ["news", "news"],
    ["gas", "gas"],
    ["rl", "rl"],
    ["3ds", "3ds"],
  ])("%s → %s", (word, key) => expect(stem(word)).toBe(key));
});

describe("folding", () => {
  it.each<[string, string[]]>([
    ["Model-Based RL", ["model", "based", "rl"]],
    ["Schölkopf", ["scholkopf"]],
    ["Scho\u0308lkopf", ["scholkopf"]],
    ["  Deep\nlearning!! ", ["deep", "learning"]],
    ["ﬁne-tuning", ["fine", "tuning"]],
    ["C++ / C#", ["c", "c"]],
  ])("%j → %j", (text, words) => expect(foldedWords(text)).toEqual(words));

  it.each<[string, [string, string][]]>([
    [
      "Diffusion Policies",
      [
        ["diffusion", "Diffusion"],
        ["policies", "Policies"],
      ],
    ],
    [
      "Kianté Brantley",
      [
        ["kiante", "Kianté"],
        ["brantley", "Brantley"],
      ],
    ],
    [
      "x ½",
      [
        ["x", "x"],
        ["1", "½"],
        ["2", "½"],
      ],
    ],
  ])("offsets of %j point at the words as written", (text, expected) => {
    const words = wordsWithOffsets(text).map((w) => [w.word, text.slice(w.start, w.end)]);
    expect(words).toEqual(expected);
  });
});
