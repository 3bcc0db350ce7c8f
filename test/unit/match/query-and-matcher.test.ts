import { EditionMatcher } from "../../../src/match/edition-matcher";
import { normalizeForMatch } from "../../../src/match/normalize-text";
import { parseQuery, parseQueryList } from "../../../src/match/query";

const papers = [
  { id: 1, title: "Model-Based Reinforcement Learning at Scale", abstract: "We study RL agents." },
  { id: 2, title: "A URL classifier", abstract: "Detecting phishing URLs with transformers." },
  { id: 3, title: "Kernel methods", abstract: "Following Schölkopf, we revisit kernels." },
  { id: 4, title: "Diffusion Policies", abstract: "A diffusion policy for robot manipulation." },
];

describe("normalizeForMatch", () => {
  it.each([
    ["Model-Based RL", " model based rl "],
    ["Schölkopf", " scholkopf "],
    ["  Deep\nlearning!! ", " deep learning "],
  ])("%j → %j", (input, expected) => expect(normalizeForMatch(input)).toBe(expected));
});

describe("phrase queries", () => {
  const matcher = new EditionMatcher(papers);
  it.each<[string, number[]]>([
    ["reinforcement learning", [1]],
    ["REINFORCEMENT LEARNING", [1]],
    ["model based", [1]],
    ["model-based reinforcement", [1]],
    ["RL", [1]],
    ["url", [2]],
    ["Scholkopf", [3]],
    ["diffusion policy", [4]],
    ["reinforcement learner", []],
  ])("%j matches %j", (query, ids) => expect(matcher.match(parseQuery(query))).toEqual(ids));

  it("remembers each distinct query's answer", () => {
    const m = new EditionMatcher(papers);
    const first = m.match(parseQuery("kernel methods"));
    expect(m.match(parseQuery("Kernel  Methods"))).toBe(first);
  });
});

describe("query validation", () => {
  it.each<[string[], RegExp]>([
    [[""], /empty/],
    [["x".repeat(101)], /at most 100/],
    [["!!!"], /no letters or digits/],
    [[], /at least one/],
    [Array.from({ length: 21 }, (_, i) => `topic ${i}`), /at most 20/],
  ])("refuses %j", (list, message) => expect(() => parseQueryList(list)).toThrow(message));

  it("drops duplicates that differ only in case or spacing, keeping order", () => {
    expect(
      parseQueryList(["Diffusion policy", "rl", "diffusion  POLICY"]).map((q) => q.text),
    ).toEqual(["Diffusion policy", "rl"]);
  });
});
