import { toTraditional } from "../translate/chinese-script";
import type { DigestLanguage, DigestPaper } from "./digest";
import { withUrlLink } from "./format-paper";
import { escapeHtml } from "./escape-html";
import { highlightHtml } from "./highlight-terms";
import { parseTemplate, type FilledTemplate } from "./mustache-template";
import { NO_TERMS, PerPaperCache } from "./per-paper-cache";
import { paperTexts, summaryLabel } from "./paper-texts";
import { chineseCharsFor, shortenText, SHORTENING_STEPS } from "./shorten-text";

/**
 * Stands for the subscriber's web-view link inside a cached card. Feed text is always escaped,
 * so a raw "<" can never come from it: this cannot be forged by a title or an abstract.
 */
export const WEB_VIEW_PLACEHOLDER = "<web-view>";

/** Where a card sits. */
export interface CardPlacement {
  sectionIndex: number;
  zhLang: DigestLanguage;
}

/** One card's HTML, its size in bytes, and how many web-view links it holds. */
export interface RenderedCard {
  html: string;
  bytes: number;
  /** The HTML cut at each WEB_VIEW_PLACEHOLDER, to be joined with the subscriber's link. */
  aroundWebViewLinks: string[];
}

/** The id a paper's card carries in a section: the target of "read the full abstract". */
function paperAnchor(sectionIndex: number, arxivId: string): string {
  return `p${sectionIndex}-${arxivId.replace(/[^A-Za-z0-9.-]/g, "-")}`;
}

/** Cards kept per cache: about 15 KB each at most (a few shortening steps), some 75 MB at worst. */
const MAX_CARDS = 5_000;

/** One paper's card in one place, unshortened and at each step of SHORTENING_STEPS. */
export class CardSteps {
  private readonly steps: (RenderedCard | undefined)[] = [];
  private full?: RenderedCard;

  constructor(private readonly render: (englishChars?: number) => RenderedCard) {}

  /** The card at step `index` of SHORTENING_STEPS, or unshortened for -1; rendered on first use. */
  at(index: number): RenderedCard {
    if (index < 0) return (this.full ??= this.render());
    return (this.steps[index] ??= this.render(SHORTENING_STEPS[index]));
  }
}

/**
 * Paper cards rendered once per (paper, translation, section, language, matched terms,
 * shortening) and reused by every subscriber's digest that shows the same: what makes a digest
 * cost a few string joins instead of 35 template fills.
 */
export class PaperCardCache {
  private readonly cards = new PerPaperCache<CardSteps>(MAX_CARDS);
  private readonly fill: Record<DigestLanguage, FilledTemplate>;

  /** The card layout is written once, in Simplified; zh-TW readers get it converted (OpenCC). */
  constructor(template: string) {
    this.fill = {
      "zh-CN": parseTemplate(template),
      "zh-TW": parseTemplate(toTraditional(template)),
    };
  }

  /**
   * The same, found by the paper object itself (digests share paper objects: buildDigest's
   * withTerms), at [section × 2 + (zh-TW ? 1 : 0)]: the common case costs one WeakMap lookup.
   */
  private byObject = new WeakMap<DigestPaper, CardSteps[]>();
  /** Held in byObject; bounded like `cards`, so the two together stay within their budget. */
  private heldByObject = 0;

  card(paper: DigestPaper, sectionIndex: number, zhLang: DigestLanguage): CardSteps {
    let placed = this.byObject.get(paper);
    if (!placed) this.byObject.set(paper, (placed = []));
    const slot = sectionIndex * 2 + (zhLang === "zh-TW" ? 1 : 0);
    let card = placed[slot];
    if (!card) {
      if (this.heldByObject >= MAX_CARDS) {
        this.byObject = new WeakMap([[paper, (placed = [])]]);
        this.heldByObject = 0;
      }
      placed[slot] = card = this.lookUp(paper, sectionIndex, zhLang);
      this.heldByObject += 1;
    }
    return card;
  }

  private lookUp(paper: DigestPaper, sectionIndex: number, zhLang: DigestLanguage): CardSteps {
    const variant = [sectionIndex, zhLang, paper.matchedTerms ?? NO_TERMS];
    return this.cards.get(paper, variant, () => {
      // What does not change with shortening is built once for all the steps.
      const fixed = fixedCardView(paper, { sectionIndex, zhLang });
      return new CardSteps((englishChars) => {
        const html = this.fill[zhLang]({ ...fixed, ...abstractsView(paper, fixed, englishChars) });
        const aroundWebViewLinks = html.split(WEB_VIEW_PLACEHOLDER);
        return { html, bytes: Buffer.byteLength(html), aroundWebViewLinks };
      });
    });
  }
}

type FixedCardView = ReturnType<typeof fixedCardView>;

/** Everything on a card but the abstracts. */
export function fixedCardView(paper: DigestPaper, placement: CardPlacement) {
  const terms = paper.matchedTerms;
  const texts = paperTexts(paper);
  const anchor = paperAnchor(placement.sectionIndex, paper.arxivId);
  return {
    anchor,
    arxivId: paper.arxivId,
    abs: paper.links.abs,
    pdf: paper.links.pdf,
    html: paper.links.html,
    zhLang: placement.zhLang,
    zh: texts.zh !== undefined,
    titleHtml: highlightHtml(texts.title, terms),
    zhTitleHtml: texts.zh ? highlightHtml(texts.zh.title, terms) : "",
    zhSummaryHtml: texts.zh?.summary
      ? escapeHtml(summaryLabel(placement.zhLang)) + highlightHtml(texts.zh.summary, terms)
      : "",
    authorsHtml: highlightHtml(texts.authors, terms),
    subjectsHtml: highlightHtml(texts.subjects, terms),
    more: `${WEB_VIEW_PLACEHOLDER}#${escapeHtml(anchor)}`,
    absHtml: escapeHtml(paper.links.abs),
  };
}

/** The abstracts, whole or cut to `englishChars` (and the Chinese in proportion). */
export function abstractsView(paper: DigestPaper, fixed: FixedCardView, englishChars?: number) {
  const terms = paper.matchedTerms;
  const texts = paperTexts(paper);
  const cut = (text: string, chars: number) =>
    englishChars === undefined ? undefined : shortenText(text, chars);
  const english = cut(texts.abstract, englishChars ?? 0);
  const chinese = texts.zh && cut(texts.zh.abstract, chineseCharsFor(englishChars ?? 0));
  const html = (text: string, language: "en" | "zh") =>
    withUrlLink(highlightHtml(text, terms), fixed.absHtml, language);
  return {
    abstractHtml: html(english ?? texts.abstract, "en"),
    zhAbstractHtml: texts.zh ? html(chinese ?? texts.zh.abstract, "zh") : "",
    moreEn: english === undefined ? "" : fixed.more,
    moreZh: chinese === undefined ? "" : fixed.more,
  };
}
