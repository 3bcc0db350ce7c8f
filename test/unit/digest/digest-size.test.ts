import {
  compileDigestTemplate,
  type DigestHtmlTemplate,
} from "../../../src/digest/digest-html-template";
import type { Digest } from "../../../src/digest/digest";
import { DomUtils } from "htmlparser2";
import { attr, parseDigest, text } from "./support/digest-dom";
import { sampleDigest, SAMPLE_LINKS } from "./support/sample-digest";

let template: DigestHtmlTemplate;
let digest: Digest;

beforeAll(async () => {
  template = await compileDigestTemplate();
  digest = await sampleDigest();
});

/** KB as DIGEST_MAX_HTML_KB counts them: 1,000 bytes. */
const kb = (html: string) => Buffer.byteLength(html, "utf8") / 1000;

/** Every card's title is there, and each shortened abstract links to its own anchor. */
function expectEveryPaperWithLinks(html: string): number {
  const { all, cards } = parseDigest(html);
  const papers = digest.sections.flatMap((s) => s.papers);
  expect(cards.map((c) => c.titleHref)).toEqual(papers.map((p) => p.links.abs));
  let shortened = 0;
  for (const card of cards) {
    const more = [card.abstract, card.zhAbstract!].flatMap((block) =>
      parseDigest(`<div>${blockHtml(block)}</div>`).all.filter(
        (n) => n.name === "a" && attr(n, "href").startsWith(SAMPLE_LINKS.webViewUrl),
      ),
    );
    for (const link of more) {
      expect(attr(link, "href")).toBe(`${SAMPLE_LINKS.webViewUrl}#${card.anchor}`);
      shortened += 1;
    }
    // Shortened: cut with "…", or at the last step left out, only the link remaining.
    if (more.length > 0)
      expect(text(card.abstract)).toMatch(/… read the full abstract$|^read the full abstract$/);
  }
  expect(new Set(all.map((n) => attr(n, "id")).filter(Boolean)).size).toBe(
    all.filter((n) => attr(n, "id")).length,
  );
  return shortened;
}

function blockHtml(block: Parameters<typeof text>[0]): string {
  return DomUtils.getOuterHTML(block);
}

describe("a 35-paper bilingual digest and the size budget", () => {
  it("would be far over Gmail's limit in full", () => {
    const full = template.render(digest, SAMPLE_LINKS, { maxHtmlKb: Infinity });
    expect(kb(full)).toBeGreaterThan(120);
    expect(expectEveryPaperWithLinks(full)).toBe(0);
  });

  it("stays under DIGEST_MAX_HTML_KB (100) by shortening abstracts, dropping no paper", () => {
    const html = template.render(digest, SAMPLE_LINKS);
    expect(kb(html)).toBeLessThanOrEqual(100);
    expect(kb(html)).toBeGreaterThan(90);
    expect(expectEveryPaperWithLinks(html)).toBeGreaterThan(30);
    expect(text(parseDigest(html).all.filter((n) => n.name === "body"))).toContain(
      "Abstracts are shortened to keep this mail whole",
    );
  });

  it.each([85, 75])("stays under a budget of %i KB too", (maxHtmlKb) => {
    const html = template.render(digest, SAMPLE_LINKS, { maxHtmlKb });
    expect(kb(html)).toBeLessThanOrEqual(maxHtmlKb);
    expectEveryPaperWithLinks(html);
  });

  it("keeps every paper even when no budget can be met", () => {
    // 35 cards of titles, authors and links alone take about 70 KB.
    const html = template.render(digest, SAMPLE_LINKS, { maxHtmlKb: 30 });
    expect(kb(html)).toBeGreaterThan(30);
    expect(expectEveryPaperWithLinks(html)).toBe(70);
  });

  it("takes its default budget from the compile options (DIGEST_MAX_HTML_KB)", async () => {
    const roomy = await compileDigestTemplate({ maxHtmlKb: 500 });
    const html = roomy.render(digest, SAMPLE_LINKS);
    expect(html).toBe(template.render(digest, SAMPLE_LINKS, { maxHtmlKb: Infinity }));
  });

  it("gives the same mail for the same digest, whatever was rendered before", () => {
    const first = template.render(digest, SAMPLE_LINKS);
    template.render({ ...digest, language: "zh-TW" }, SAMPLE_LINKS, { maxHtmlKb: 30 });
    expect(template.render(digest, SAMPLE_LINKS)).toBe(first);
  });
});
