import { convertMath, readableMath } from "../../../src/digest/readable-math";
import { displayText } from "../../../src/digest/format-paper";

describe("simple LaTeX made readable", () => {
  it.each([
    ["$\\epsilon$-greedy exploration", "ε-greedy exploration"],
    ["regret $O(\\sqrt{T})$", "regret O(√T)"],
    ["$\\widetilde{\\mathcal{O}}(\\sqrt{T})$", "Õ(√T)"],
    ["$O(\\sqrt{T}+n^2)$", "O(√T+n²)"],
    ["$x_{t+1}$ and $x_0$", "xₜ₊₁ and x₀"],
    ["$\\alpha \\leq \\beta$", "α ≤ β"],
    ["$\\frac{1}{\\sqrt{n}}$", "1/√n"],
    ["$\\mathbb{R}^{d}$ space", "ℝᵈ space"],
    ["$T$ rounds and $n$ users", "T rounds and n users"],
    ["$O(d_{\\mathcal{F}}\\log T)$", "O(d_F log T)"],
  ])("%s → %s", (latex, readable) => {
    expect(readableMath(latex)).toBe(readable);
  });

  it("leaves a span with a command it does not know exactly as written", () => {
    expect(readableMath("a $\\foo{x} + \\alpha$ b")).toBe("a $\\foo{x} + \\alpha$ b");
  });

  it("does not take money for math", () => {
    expect(readableMath("costs $5 and $10 a month")).toBe("costs $5 and $10 a month");
  });

  it("keeps a script whose characters Unicode cannot raise, as written", () => {
    expect(convertMath("e^\\epsilon")).toBe("e^ε");
    expect(convertMath("N_{F}")).toBe("N_F");
  });

  it("is applied with the LaTeX quotes in the display text of both parts", () => {
    expect(displayText("``sweet spots'' at $\\epsilon$")).toBe("“sweet spots” at ε");
  });
});
