/**
 * Simple LaTeX in abstracts made readable as Unicode: `$\epsilon$` → ε, `$\sqrt{T}$` → √T,
 * `$n^2$` → n², `$x_{t}$` → xₜ. Only `$…$` spans are touched. What cannot be converted stays as
 * written, and a span keeps its dollar signs unless every command in it was understood, so a
 * reader never sees half a formula silently changed.
 */

// prettier-ignore
const SYMBOLS: Readonly<Record<string, string>> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ",
  eta: "η", theta: "θ", vartheta: "ϑ", iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν",
  xi: "ξ", pi: "π", varpi: "ϖ", rho: "ρ", varrho: "ϱ", sigma: "σ", varsigma: "ς", tau: "τ",
  upsilon: "υ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω",
  Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ",
  Upsilon: "Υ", Phi: "Φ", Psi: "Ψ", Omega: "Ω",
  leq: "≤", le: "≤", geq: "≥", ge: "≥", neq: "≠", ne: "≠", approx: "≈", sim: "∼", simeq: "≃",
  equiv: "≡", propto: "∝", ll: "≪", gg: "≫", times: "×", cdot: "·", pm: "±", mp: "∓",
  div: "÷", infty: "∞", in: "∈", notin: "∉", subset: "⊂", subseteq: "⊆", cup: "∪", cap: "∩",
  forall: "∀", exists: "∃", partial: "∂", nabla: "∇", sum: "∑", prod: "∏", int: "∫",
  to: "→", rightarrow: "→", leftarrow: "←", Rightarrow: "⇒", mapsto: "↦", ell: "ℓ",
  ldots: "…", cdots: "⋯", dots: "…", log: "log", ln: "ln", exp: "exp", min: "min", max: "max",
  sin: "sin", cos: "cos", arg: "arg", det: "det", lim: "lim", sup: "sup", inf: "inf",
  top: "⊤", perp: "⊥", circ: "∘", star: "⋆", ast: "∗", emptyset: "∅", neg: "¬", wedge: "∧",
  vee: "∨", langle: "⟨", rangle: "⟩", lfloor: "⌊", rfloor: "⌋", lceil: "⌈", rceil: "⌉",
  left: "", right: "", quad: " ", qquad: "  ", "%": "%", "&": "&", "#": "#", _: "_",
  "{": "{", "}": "}", ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "|": "‖",
};

/** Commands taking one argument, innermost first; the argument has already been converted. */
const WITH_ARGUMENT: Readonly<Record<string, (arg: string) => string>> = {
  sqrt: (arg) => `√${[...arg].length === 1 ? arg : `(${arg})`}`,
  mathbb: (arg) => DOUBLE_STRUCK[arg] ?? arg,
  tilde: (arg) => `${arg}\u0303`,
  widetilde: (arg) => `${arg}\u0303`,
  hat: (arg) => `${arg}\u0302`,
  widehat: (arg) => `${arg}\u0302`,
  bar: (arg) => `${arg}\u0304`,
  overline: (arg) => `${arg}\u0304`,
  vec: (arg) => `${arg}\u20d7`,
  ...Object.fromEntries(
    ["mathcal", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "text"]
      .concat(["textbf", "textit", "textrm", "emph", "operatorname", "mathscr", "mathfrak"])
      .map((name) => [name, (arg: string) => arg]),
  ),
};

// prettier-ignore
const DOUBLE_STRUCK: Readonly<Record<string, string>> = {
  R: "ℝ", N: "ℕ", Z: "ℤ", Q: "ℚ", C: "ℂ", E: "𝔼", P: "ℙ",
};

const SUPERSCRIPT = table(
  "0123456789+-=()abcdefghijklmnoprstuvwxyzT",
  "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ",
);
const SUBSCRIPT = table("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ");

function table(from: string, to: string): ReadonlyMap<string, string> {
  const targets = [...to];
  return new Map([...from].map((char, i) => [char, targets[i] ?? char]));
}

/** A `$…$` span: not empty, not starting or ending with a space (so "$5 and $10" is money). */
const MATH_SPAN = /\$(?!\s)([^$\n]{1,300}?)(?<!\s)\$/g;

/** Converts the simple LaTeX of every `$…$` span in `text`; the rest is returned as written. */
export function readableMath(text: string): string {
  if (!text.includes("$")) return text;
  return text.replace(MATH_SPAN, (span, body: string) => {
    const converted = convertMath(body);
    // NFC: "O" with a combining tilde becomes the one character "Õ" where Unicode has it.
    return converted.includes("\\") ? span : converted.normalize("NFC");
  });
}

/** The body of one math span, with the commands, scripts and groups it understands replaced. */
export function convertMath(body: string): string {
  let text = body;
  // Innermost `\cmd{arg}` first, until none is left that we know.
  for (let round = 0; round < 10; round += 1) {
    const next = text.replace(
      /\\([A-Za-z]+)\s*\{([^{}]*)\}/g,
      (whole, name: string, arg: string) => {
        const apply = WITH_ARGUMENT[name];
        return apply ? apply(convertSymbols(arg)) : whole;
      },
    );
    if (next === text) break;
    text = next;
  }
  text = text.replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_, a: string, b: string) => {
    return `${grouped(a)}/${grouped(b)}`;
  });
  text = convertSymbols(text);
  text = text.replace(/([\^_])\{([^{}]*)\}|([\^_])([^\s{}\\])/g, (whole, m1, g1, m2, g2) => {
    const mark = (m1 ?? m2) as string;
    return scripted(mark, (g1 ?? g2) as string) ?? whole;
  });
  // Braces used only for grouping ("{T}") say nothing to a reader.
  return text.replace(/\{([^{}\\^_]*)\}/g, "$1");
}

function convertSymbols(text: string): string {
  return text.replace(
    /\\([A-Za-z]+|[%&#_{},;:! |])/g,
    (whole, name: string, at: number, all: string) => {
      const symbol = SYMBOLS[name];
      if (symbol === undefined) return whole;
      // A named operator keeps apart from its neighbours: d\log N → "d log N", not "dlogN".
      if (!/^[a-z]{2,}$/.test(symbol)) return symbol;
      const before = /[\p{L}\p{N})}]/u.test(all[at - 1] ?? "") ? " " : "";
      const after = /[\p{L}\p{N}(\\]/u.test(all[at + whole.length] ?? "") ? " " : "";
      return `${before}${symbol}${after}`;
    },
  );
}

/** `^{2}` → ², or undefined when one of its characters has no Unicode form. */
function scripted(mark: string, content: string): string | undefined {
  const map = mark === "^" ? SUPERSCRIPT : SUBSCRIPT;
  let out = "";
  for (const char of content) {
    const mapped = map.get(char);
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

function grouped(text: string): string {
  const t = convertSymbols(text).trim();
  return /^√?[\p{L}\p{N}]+$/u.test(t) ? t : `(${t})`;
}
