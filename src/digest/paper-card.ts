import type { DigestLanguage, DigestPaper } from "./digest";
import { authorLine, displayText, subjectLine, withUrlLink } from "./format-paper";
import { escapeHtml, highlightHtml } from "./highlight-terms";
import { parseTemplate, type FilledTemplate } from "./mustache-template";
import { NO_TERMS, PerPaperCache } from "./per-paper-cache";
import { chineseCharsFor, shortenText, SHORTENING_STEPS } from "./shorten-text";

/**
 * Stands for the subscriber's web-view link inside a cached card. Feed text is always escaped,
 * so a raw "<" can never come from it: this cannot be forged by a title or an abstract.
 */
export const WEB_VIEW_PLACEHOLDER = "<web-view>";

/** Where a card sits and how much of its abstracts it may show. */
export interface CardPlacement {
  sectionIndex: number;
  zhLang: DigestLanguage;
  /** Characters of English abstract allowed (SHORTENING_STEPS); undefined: the whole abstract. */
  englishChars?: number;
}

/** One card's HTML, its size in bytes, and how many web-view links it holds. */
export interface RenderedCard {
  html: string;
  bytes: number;
  /** The HTML cut at each WEB_VIEW_PLACEHOLDER, to be joined with the subscriber's link. */
  aroundWebViewLinks: string[];
}

/** The id a paper's card carries in a section: the target of "read the full abstract". */
export function paperAnchor(sectionIndex: number, arxivId: string): string {
  return `p${sectionIndex}-${arxivId.replace(/[^A-Za-z0-9.-]/g, "-")}`;
}

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
  /** About 15 KB each at most (a card at a few shortening steps): some 75 MB at worst. */
  private readonly cards = new PerPaperCache<CardSteps>(5_000);
  private readonly fill: FilledTemplate;

  constructor(template: string) {
    this.fill = parseTemplate(template);
  }

  card(paper: DigestPaper, sectionIndex: number, zhLang: DigestLanguage): CardSteps {
    const variant = [sectionIndex, zhLang, paper.matchedTerms ?? NO_TERMS];
    return this.cards.get(paper, variant, () => {
      return new CardSteps((englishChars) => {
        const html = this.fill(cardView(paper, { sectionIndex, zhLang, englishChars }));
        const aroundWebViewLinks = html.split(WEB_VIEW_PLACEHOLDER);
        return { html, bytes: Buffer.byteLength(html), aroundWebViewLinks };
      });
    });
  }
}

/** The values a card's Mustache tags read. Fields ending in Html are escaped here, as built. */
export function cardView(paper: DigestPaper, placement: CardPlacement): Record<string, unknown> {
  const terms = paper.matchedTerms;
  const anchor = paperAnchor(placement.sectionIndex, paper.arxivId);
  const more = `${WEB_VIEW_PLACEHOLDER}#${escapeHtml(anchor)}`;
  const chars = placement.englishChars;
  const absHtml = escapeHtml(paper.links.abs);
  const english = displayText(paper.abstract);
  const shortEnglish = chars === undefined ? undefined : shortenText(english, chars);
  const zh = paper.translation;
  const chinese = zh ? displayText(zh.abstract) : "";
  const shortChinese =
    chars === undefined ? undefined : shortenText(chinese, chineseCharsFor(chars));
  return {
    anchor,
    arxivId: paper.arxivId,
    abs: paper.links.abs,
    pdf: paper.links.pdf,
    html: paper.links.html,
    zhLang: placement.zhLang,
    zh: zh !== undefined,
    titleHtml: highlightHtml(displayText(paper.title), terms),
    zhTitleHtml: zh ? highlightHtml(displayText(zh.title), terms) : "",
    authorsHtml: highlightHtml(authorLine(paper), terms),
    subjectsHtml: highlightHtml(subjectLine(paper), terms),
    abstractHtml: withUrlLink(highlightHtml(shortEnglish ?? english, terms), absHtml, "en"),
    zhAbstractHtml: zh
      ? withUrlLink(highlightHtml(shortChinese ?? chinese, terms), absHtml, "zh")
      : "",
    moreEn: shortEnglish === undefined ? "" : more,
    moreZh: zh && shortChinese !== undefined ? more : "",
  };
}
