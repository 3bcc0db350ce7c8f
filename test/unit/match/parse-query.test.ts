import { InputError, QuerySyntaxError } from "../../../src/errors";
import {
  MAX_QUERIES_PER_SUBSCRIBER,
  MAX_QUERY_LENGTH,
  parseQuery,
  parseQueryList,
} from "../../../src/match/query";

describe("parseQuery: the canonical key says what a query matches", () => {
  it.each([
    ["reinforcement learning", `("learning" "reinforcement")`],
    ['"reinforcement learning"', `"reinforcement learning"`],
    ["“reinforcement learning”", `"reinforcement learning"`],
    ["diffusion policies", `("diffusion" "policy")`],
    ["model-based", `"model based"`],
    ["Schölkopf", `"scholkopf"`],
    ["RL OR robot", `("rl" OR "robot")`],
    ["a b OR c", `("c" OR ("a" "b"))`],
    ["a (b OR c)", `("a" ("b" OR "c"))`],
    ["grasping -robot", `("grasping" -"robot")`],
    ["grasping NOT robot", `("grasping" -"robot")`],
    ['grasping -"soft robot"', `("grasping" -"soft robot")`],
    ["grasping -(soft OR rigid)", `("grasping" -("rigid" OR "soft"))`],
    ["ti:diffusion", `ti:"diffusion"`],
    ['ti:"diffusion policies"', `ti:"diffusion policy"`],
    ["abs:LLMs", `abs:"llm"`],
    ["au:Williams", `au:"williams"`],
    ['au:"Kianté Brantley"', `au:"kiante brantley"`],
    ["au:(Levine OR Finn)", `(au:"finn" OR au:"levine")`],
    ["-ti:survey diffusion", `("diffusion" -ti:"survey")`],
    ["cat:cs.RO", "cat:cs.ro"],
    ["cat:cs.ro", "cat:cs.ro"],
    ["cat:CS.RO", "cat:cs.ro"],
    ["cat:cs.*", "cat:cs*"],
    ["cat:cs", "cat:cs*"],
    ["cat:astro-ph.CO", "cat:astro-ph.co"],
    ["cat:cond-mat.Mes-Hall", "cat:cond-mat.mes-hall"],
    ["cat:hep-th", "cat:hep-th*"],
    ["cat:math.IT", "cat:cs.it"],
    ["cat:(cs.RO OR cs.LG)", "(cat:cs.lg OR cat:cs.ro)"],
    ["C++ templates", `("c" "template")`],
    ["a AND b", `("a" "b")`],
    ["or and", `("and" "or")`],
  ])("%j → %s", (text, key) => expect(parseQuery(text).key).toBe(key));

  it.each([
    ["diffusion policy", "policy diffusion", "Diffusion  Policies", "policy AND diffusion"],
    ["a OR b", "b OR a", "(a OR b)", "a OR b OR a"],
    ["a (b c)", "a b c", "c a b"],
    ["model-based", '"model based"', "Model‐Based"],
  ])("%j means the same as the others in its row", (...texts) => {
    const keys = new Set(texts.map((text) => parseQuery(text).key));
    expect(keys.size).toBe(1);
  });

  it("keeps the text as written, whitespace collapsed, and parses each distinct text once", () => {
    const query = parseQuery("  Diffusion \t Policy ");
    expect(query.text).toBe("Diffusion Policy");
    expect(parseQuery("Diffusion Policy")).toBe(query);
  });
});

describe("parseQuery refuses what does not parse, saying what and where", () => {
  it.each<[string, RegExp, number, string]>([
    ['"diffusion policy', /quote " that is never closed at character 1/, 0, '"'],
    ["(a OR b", /"\(" that is never closed at character 1/, 0, "("],
    ["a (", /"\(" that is never closed at character 3/, 2, "("],
    ["a (b", /"\(" that is never closed at character 3/, 2, "("],
    ["a OR b)", /"\)" with no "\(" before it at character 7/, 6, ")"],
    ["()", /empty parentheses/, 0, "("],
    ["a OR", /nothing after "OR" at character 3/, 2, "OR"],
    ["OR a", /"OR" with nothing before it at character 1/, 0, "OR"],
    ["a OR OR b", /nothing after "OR" at character 3/, 2, "OR"],
    ["a AND", /"AND" without something to join/, 2, "AND"],
    ["a NOT", /nothing after "NOT"/, 2, "NOT"],
    ["-robot", /only excludes at character 1; add a word to look for/, 0, "-"],
    ["NOT robot", /only excludes/, 0, "NOT"],
    ["grasping OR -robot", /only excludes at character 13/, 12, "-"],
    ["a (-b)", /only excludes at character 4/, 3, "-"],
    ["- robot", /"-" not followed directly by what to exclude at character 1/, 0, "-"],
    ["--robot", /doubled "-" at character 2/, 1, "-"],
    ["ti: diffusion", /"ti:" not followed directly by a word at character 1/, 0, "ti:"],
    ["ti:-robot", /"-" after "ti:" at character 4; write -ti:robot/, 3, "-"],
    [
      "foo:bar",
      /unknown field "foo:" at character 1; the fields are ti:, abs:, au: and cat:/,
      0,
      "foo:",
    ],
    ["see arXiv:2510.12815", /unknown field "arXiv:" at character 5/, 4, "arXiv:"],
    ["au:(Levine OR ti:x)", /"ti:" inside "au:\(…\)" at character 15/, 14, "ti:"],
    ["robot*", /"\*" in "robot\*" at character 1; wildcards work only in cat:/, 0, "robot*"],
    ["cat:cs.XX", /unknown arXiv category "cs.XX" at character 5/, 4, "cs.XX"],
    ["cat:robotics", /unknown arXiv category "robotics"/, 4, "robotics"],
    ["cat:cs.RO.*", /unknown arXiv category/, 4, "cs.RO.*"],
    ["!!!", /no letters or digits to match in "!!!" at character 1/, 0, "!!!"],
    ['robot "!!"', /no letters or digits to match in "!!" at character 7/, 6, "!!"],
  ])("%j", (text, message, position, token) => {
    let caught: unknown;
    try {
      parseQuery(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QuerySyntaxError);
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as QuerySyntaxError;
    expect(error.message).toContain(`the keyword query "${text}"`);
    expect(error.message).toMatch(message);
    expect([error.position, error.token]).toEqual([position, token]);
  });
});

describe("parseQueryList: bounds and duplicates", () => {
  it.each<[string[], RegExp]>([
    [[""], /empty/],
    [["   "], /empty/],
    [["x".repeat(MAX_QUERY_LENGTH + 1)], /at most 100/],
    [["!!!"], /no letters or digits/],
    [["robot", "(robot"], /never closed/],
    [[], /at least one/],
    [Array.from({ length: MAX_QUERIES_PER_SUBSCRIBER + 1 }, (_, i) => `topic ${i}`), /at most 20/],
  ])("refuses %j", (list, message) => expect(() => parseQueryList(list)).toThrow(message));

  it.each<[string[], string[]]>([
    [
      ["Diffusion policy", "rl", "diffusion  POLICY"],
      ["Diffusion policy", "rl"],
    ],
    [["diffusion policies", "policy diffusion"], ["diffusion policies"]],
    [
      ["a OR b", "b OR a", '"a b"'],
      ["a OR b", '"a b"'],
    ],
    [
      Array.from({ length: 25 }, (_, i) => `topic ${i % 20}`),
      Array.from({ length: 20 }, (_, i) => `topic ${i}`),
    ],
  ])("keeps the first of queries that match the same papers: %j", (list, kept) => {
    expect(parseQueryList(list).map((q) => q.text)).toEqual(kept);
  });

  it("accepts exactly the limits", () => {
    const longest = `a${" b".repeat((MAX_QUERY_LENGTH - 1) / 2)}`.padEnd(MAX_QUERY_LENGTH, "c");
    expect(longest).toHaveLength(MAX_QUERY_LENGTH);
    const many = Array.from({ length: MAX_QUERIES_PER_SUBSCRIBER }, (_, i) => `topic${i}`);
    expect(parseQueryList([longest])).toHaveLength(1);
    expect(parseQueryList(many)).toHaveLength(MAX_QUERIES_PER_SUBSCRIBER);
  });
});
