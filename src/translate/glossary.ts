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
  /** Each word's forms (plural endings on the last): all present in a text before `pattern` runs. */
  readonly probe: readonly (readonly string[])[];
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
    this.terms = [...byTerm.values()].map((entry) => {
      const en = entry.en.trim();
      return {
        ...entry,
        en,
        probe: termProbe(en),
        get pattern() {
          return memo(PATTERNS, en, () => termPattern(en));
        },
      };
    });
  }

  /**
   * The terms that occur in any of the texts (what a prompt needs to list). Compiling a pattern's
   * Unicode word boundaries takes about 2 ms, and running hundreds of them over every abstract
   * adds up: only the terms whose words the texts hold are tried.
   */
  termsIn(...texts: readonly string[]): GlossaryTerm[] {
    const words = new Set(
      texts.flatMap((text) => wordsOf(text)).flatMap((w) => [w, w.toLowerCase()]),
    );
    return this.terms.filter(
      (term) =>
        term.probe.every((forms) => forms.some((form) => words.has(form))) &&
        texts.some((text) => term.pattern.test(text)),
    );
  }

  /** The term's pattern matching every occurrence (for replace and matchAll). */
  everywhere(term: GlossaryTerm): RegExp {
    const { source, flags } = term.pattern;
    return memo(GLOBAL_PATTERNS, term.en, () => new RegExp(source, `${flags}g`));
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
    const seen = readings(translation);
    let unchecked = source;
    const missed = new Set<GlossaryTerm>();
    for (const term of [...terms].sort((a, b) => b.en.length - a.en.length)) {
      if (!term.pattern.test(unchecked)) continue;
      if (!rendered(term, seen)) missed.add(term);
      else unchecked = unchecked.replace(this.everywhere(term), " ");
    }
    return terms.filter((term) => missed.has(term));
  }
}

const SPACES = /\s+/g;
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

/**
 * A translation as the check reads it: without spaces, which Chinese does not need ("深度 Q 学习"
 * is 深度Q学习), and with Chinese replaced by spaces, so English kept next to Chinese counts as a
 * word of its own ("正则化RLHF" keeps RLHF).
 */
function readings(translation: string): { compact: string; english: string } {
  return {
    compact: translation.replace(SPACES, ""),
    english: translation.replace(CHINESE, " "),
  };
}

/** The translation has the term as `zh`, as one of `zhAlso`, or kept in English. */
function rendered(term: GlossaryTerm, seen: { compact: string; english: string }): boolean {
  const renderings = [term.zh, ...(term.zhAlso ?? [])];
  return (
    renderings.some((zh) => seen.compact.includes(zh.replace(SPACES, ""))) ||
    term.pattern.test(seen.english)
  );
}

/**
 * Matches a term on word boundaries, hyphens and spaces alike, with a plural ending. Acronyms
 * (two capitals or more: LLM, RLHF, LoRA) match case-sensitively so "llm" in a URL does not
 * count; other terms match in any case.
 */
export function termPattern(en: string): RegExp {
  const body = termBody(en);
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, isAcronym(en) ? "u" : "iu");
}

/**
 * Compiled patterns by English term, shared by every Glossary of the process: compiling the
 * Unicode word boundaries of one takes about a millisecond, too long to do for 500 terms each
 * time a glossary is built, so a pattern is compiled when a text first has the term's words.
 * Stateless for test(); the global ones are only used by replace() and matchAll(), which reset
 * or copy lastIndex.
 */
const PATTERNS = new Map<string, RegExp>();
const GLOBAL_PATTERNS = new Map<string, RegExp>();

function memo(cache: Map<string, RegExp>, key: string, make: () => RegExp): RegExp {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** The words of a text, as the patterns' boundaries see them. */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** termsIn's cheap test: each word of the term, its plural forms for the last one. */
function termProbe(en: string): string[][] {
  const words = wordsOf(isAcronym(en) ? en : en.toLowerCase());
  return words.map((word, i) => {
    if (i < words.length - 1) return [word];
    const plural = /[^aeiou]y$/i.test(word) ? [`${word.slice(0, -1)}ies`] : [];
    return [word, `${word}s`, `${word}es`, ...plural];
  });
}

/** The term's words, hyphen or space between them, the last one with its plural endings. */
function termBody(en: string): string {
  const words = en
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp);
  const last = words.length - 1;
  words[last] = /[^aeiou]y$/i.test(words[last] ?? "")
    ? `${words[last]?.slice(0, -1)}(?:y|ies)`
    : `${words[last]}(?:s|es)?`;
  return words.join("[\\s-]+");
}

function isAcronym(en: string): boolean {
  return /[A-Z].*[A-Z]/.test(en);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
