import { toTraditional } from "../translate/chinese-script";
import type { Digest } from "./digest";
import { digestSubject, digestTimes, type DigestLinks } from "./digest-mail-parts";
import { escapeHtml } from "./escape-html";
import { PaperCardCache, WEB_VIEW_PLACEHOLDER, type CardSteps } from "./paper-card";
import { parseTemplate } from "./mustache-template";
import { loadDigestLayout } from "./precompiled-layout";
import { SHORTENING_STEPS } from "./shorten-text";

/** Gmail clips a message whose HTML passes about 102 KB; DIGEST_MAX_HTML_KB defaults below it. */
const DEFAULT_MAX_HTML_KB = 100;

interface DigestRenderOptions {
  /**
   * Size budget of this rendering in KB of 1,000 bytes (Gmail's "102 KB" is not known to mean
   * 1,024, so the smaller unit is the safe one); past it the abstracts are shortened.
   * Infinity for the web view, which shows everything.
   */
  maxHtmlKb?: number;
}

/** A digest layout compiled once; `render` only fills it in (no MJML per subscriber). */
export interface DigestHtmlTemplate {
  render(digest: Digest, links: DigestLinks, options?: DigestRenderOptions): string;
}

export interface CompileDigestOptions {
  file?: string;
  /** The default budget of `render` (DIGEST_MAX_HTML_KB). */
  maxHtmlKb?: number;
}

/**
 * Marks where the shortening notice and each section's cards go in the filled page: the notice
 * first, then one per section. A raw "<" can never come from an escaped value.
 */
const HERE = "<here>";

/**
 * Compiles emails/digest.mjml once (MJML, strict validation; or reads what the build compiled)
 * into a page and a paper card, both Mustache templates. Rendering a digest fills the small page and splices in cached cards; when
 * the result would pass the size budget, the abstracts are shortened one step at a time
 * (SHORTENING_STEPS), each shortened abstract linking to its full text on the web view. Papers
 * are never dropped. Sizes are added up from the parts, never measured on the whole mail.
 */
export async function compileDigestTemplate(
  options: CompileDigestOptions = {},
): Promise<DigestHtmlTemplate> {
  const layout = await loadDigestLayout(options.file);
  // The interface is written once, in Simplified; zh-TW readers get it converted (OpenCC).
  const inEach = (text: string) => ({
    "zh-CN": parseTemplate(text),
    "zh-TW": parseTemplate(toTraditional(text)),
  });
  const pages = inEach(layout.page);
  const notices = inEach(layout.shortenedNotice);
  const cache = new PaperCardCache(layout.card);
  const defaultKb = options.maxHtmlKb ?? DEFAULT_MAX_HTML_KB;
  return {
    render(digest, links, renderOptions = {}) {
      const budget = (renderOptions.maxHtmlKb ?? defaultKb) * 1000;
      const view = pageView(digest, links);
      const zhLang = digest.language ?? "zh-CN";
      const pageHtml = pages[zhLang](view);
      // [before the notice, from the notice to the first cards, after each section's cards…]
      const [head = "", first = "", ...parts] = pageHtml.split(HERE);
      const cards = digest.sections.map((section, sectionIndex) =>
        section.papers.map((paper) => cache.card(paper, sectionIndex, zhLang)),
      );
      const unshortened = cardBytes(cards, -1, 0);
      const pageBytes = () => Buffer.byteLength(pageHtml) - HERE.length * (parts.length + 1);
      // A UTF-16 code unit is at most 3 bytes of UTF-8: most digests fit by that bound alone,
      // and counting the page's bytes exactly costs more than filling it.
      if (pageHtml.length * 3 + unshortened <= budget || pageBytes() + unshortened <= budget) {
        return splice([head + first, ...parts], cards, -1, "");
      }
      const notice = notices[zhLang](view);
      const link = escapeHtml(links.webViewUrl);
      const linkGrowth = Buffer.byteLength(link) - WEB_VIEW_PLACEHOLDER.length;
      const fixedBytes = pageBytes() + Buffer.byteLength(notice);
      let step = 0;
      while (
        step < SHORTENING_STEPS.length - 1 &&
        fixedBytes + cardBytes(cards, step, linkGrowth) > budget
      ) {
        step += 1;
      }
      // Even the shortest step may not fit (hundreds of papers): the mail then goes whole but
      // over the budget, its header pointing to the web view, rather than lose papers.
      return splice([head + notice + first, ...parts], cards, step, link);
    },
  };
}

/**
 * Bytes of these cards at a step (-1: unshortened) once each web-view placeholder is replaced
 * by a link `linkGrowth` bytes longer.
 */
function cardBytes(sections: CardSteps[][], step: number, linkGrowth: number): number {
  let bytes = 0;
  for (const cards of sections) {
    for (const steps of cards) {
      const card = steps.at(step);
      bytes += card.bytes + linkGrowth * (card.aroundWebViewLinks.length - 1);
    }
  }
  return bytes;
}

/**
 * The page with each section's cards put in, by concatenation: V8 keeps the result as a rope,
 * so nothing of the ~100 KB is copied here; it is flattened once, when the mail is encoded.
 */
function splice(pageParts: string[], sections: CardSteps[][], step: number, link: string): string {
  let html = pageParts[0] ?? "";
  sections.forEach((cards, index) => {
    for (const steps of cards) {
      const [first = "", ...rest] = steps.at(step).aroundWebViewLinks;
      html += first;
      for (const part of rest) html += link + part;
    }
    html += pageParts[index + 1] ?? "";
  });
  return html;
}

function sectionViews(digest: Digest): object[] {
  return digest.sections.map((section, index) => ({
    index,
    query: section.query,
    count: section.papers.length,
    cards: HERE,
  }));
}

/**
 * The page's values: header, table of contents, footer, and where the notice and each section's
 * cards go. One literal, no spreads: Mustache looks each value up by name, and an object built
 * by spreading is a slow dictionary to look things up in.
 */
export function pageView(digest: Digest, links: DigestLinks): Record<string, unknown> {
  const count = digest.uniquePaperCount;
  const times = digestTimes(digest);
  return {
    announcedArxiv: times.announcedArxiv,
    announcedLocal: times.announcedLocal,
    generatedLocal: times.generatedLocal,
    unsubscribeUrl: links.unsubscribeUrl,
    manageUrl: links.manageUrl,
    webViewUrl: links.webViewUrl,
    subject: digestSubject(digest),
    preheader: `${count} 篇 · ${count} ${count === 1 ? "paper" : "papers"} · ${digest.sections.map((s) => `${s.query} (${s.papers.length})`).join(" · ")}`,
    editionDate: digest.editionDate,
    uniquePaperCount: count,
    paperNoun: count === 1 ? "paper" : "papers",
    omittedPaperCount: digest.omittedPaperCount,
    translationPending: digest.missingTranslations === "pending",
    translationOff: digest.missingTranslations === "off",
    recipient: digest.recipient.email,
    keywords: digest.sections.map((s) => s.query).join(", "),
    toc: digest.sections.map((section, index) => ({
      index,
      query: section.query,
      count: section.papers.length,
    })),
    sections: sectionViews(digest),
    shortenedNotice: HERE,
  };
}
