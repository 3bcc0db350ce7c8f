import { readableText } from "../../../src/arxiv/readable-text";

describe("readableText: LaTeX quotes as a reader expects them", () => {
  test("``x'' and `x' become typographic quotes", () => {
    expect(readableText("reproducible ``sweet spots'' and `safe' sets")).toBe(
      "reproducible “sweet spots” and ‘safe’ sets",
    );
  });

  test("two apostrophes on both sides, as in the 2025-10-17 feed, become “x”", () => {
    expect(readableText("serve as ''world models''. To address")).toBe(
      "serve as “world models”. To address",
    );
    expect(readableText("(''a'' and ''b'')")).toBe("(“a” and “b”)");
  });

  test("apostrophes that are not quotes stay as written", () => {
    expect(readableText("agents' observations and the models'' outputs")).toBe(
      "agents' observations and the models'' outputs",
    );
    expect(readableText("f'' is the second derivative")).toBe("f'' is the second derivative");
  });
});
