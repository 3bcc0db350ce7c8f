/** One term: how `en` is said in Chinese, and renderings known to be wrong for it. */
export interface GlossaryEntry {
  en: string;
  zh: string;
  /**
   * Other renderings in common use (增强学习 for reinforcement learning): accepted in a
   * translation and known to a reader's Chinese query; never one of `avoid`.
   */
  zhAlso?: readonly string[];
  /** Mistranslations seen in the wild (LLM → 法学硕士); replaced by `zh` wherever `en` is in the source. */
  avoid?: readonly string[];
}

/** An entry with its English term compiled into a pattern. */
export interface GlossaryTerm extends GlossaryEntry {
  readonly pattern: RegExp;
}

/**
 * The terms a translation must render one way. Built once from the shipped list
 * (glossary-zh.ts) and the operator's file; later entries win over earlier ones with the same
 * English term, so an operator can correct a shipped entry.
 */
export class Glossary {
  readonly terms: readonly GlossaryTerm[];

  constructor(...lists: (readonly GlossaryEntry[])[]) {
    const byTerm = new Map<string, GlossaryEntry>();
    for (const entry of lists.flat()) byTerm.set(entry.en.trim().toLowerCase(), entry);
    this.terms = [...byTerm.values()].map((entry) => ({
      ...entry,
      en: entry.en.trim(),
      pattern: termPattern(entry.en),
    }));
  }

  /** The terms that occur in any of the texts (what a prompt needs to list). */
  termsIn(...texts: readonly string[]): GlossaryTerm[] {
    return this.terms.filter((term) => texts.some((text) => term.pattern.test(text)));
  }

  /** Replaces known mistranslations of the terms the source uses by the glossary's rendering. */
  fixAvoided(source: string, translation: string): string {
    let fixed = translation;
    for (const term of this.termsIn(source)) {
      const avoid = [...(term.avoid ?? [])].sort((a, b) => b.length - a.length);
      for (const wrong of avoid) fixed = fixed.split(wrong).join(term.zh);
    }
    return fixed;
  }

  /**
   * The terms of the source that the translation renders neither as the glossary says (`zh` or
   * one of `zhAlso`) nor keeps in English (an acronym left as "LLM" is not wrong; "代理" for
   * "agent" is).
   */
  missedTerms(source: string, translation: string): GlossaryTerm[] {
    // Longest first: where "large language model" is rendered well (大模型), the "language
    // model" inside it is not a miss; only its occurrences elsewhere in the source count.
    const terms = this.termsIn(source);
    let unchecked = source;
    const missed = new Set<GlossaryTerm>();
    for (const term of [...terms].sort((a, b) => b.en.length - a.en.length)) {
      if (!term.pattern.test(unchecked)) continue;
      if (!rendered(term, translation)) missed.add(term);
      else
        unchecked = unchecked.replace(
          new RegExp(term.pattern.source, `${term.pattern.flags}g`),
          " ",
        );
    }
    return terms.filter((term) => missed.has(term));
  }
}

/** The translation has the term as `zh`, as one of `zhAlso`, or kept in English. */
function rendered(term: GlossaryTerm, translation: string): boolean {
  const renderings = [term.zh, ...(term.zhAlso ?? [])];
  return renderings.some((zh) => translation.includes(zh)) || term.pattern.test(translation);
}

/**
 * Matches a term on word boundaries, hyphens and spaces alike, with a plural ending. Acronyms
 * (two capitals or more: LLM, RLHF, LoRA) match case-sensitively so "llm" in a URL does not
 * count; other terms match in any case.
 */
export function termPattern(en: string): RegExp {
  const words = en
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp);
  const last = words.length - 1;
  words[last] = /[^aeiou]y$/i.test(words[last] ?? "")
    ? `${words[last]?.slice(0, -1)}(?:y|ies)`
    : `${words[last]}(?:s|es)?`;
  const acronym = /[A-Z].*[A-Z]/.test(en);
  const body = words.join("[\\s-]+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, acronym ? "u" : "iu");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
