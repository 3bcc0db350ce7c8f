import { AnswerBudget } from "../../../src/inbound/answer-budget";

describe("AnswerBudget", () => {
  it("takes up to the limit per address in a rolling hour", () => {
    let now = 0;
    const budget = new AnswerBudget(2, () => now);
    expect([budget.take("a@x.org"), budget.take("a@x.org"), budget.take("a@x.org")]).toEqual([
      true,
      true,
      false,
    ]);
    expect(budget.take("b@x.org")).toBe(true);
    now = 3600_000 - 1;
    expect(budget.take("a@x.org")).toBe(false);
    now = 3600_000 + 1;
    expect(budget.take("a@x.org")).toBe(true);
  });
});
