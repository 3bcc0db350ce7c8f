import { compileDigestTemplate } from "../../../src/digest/digest-html-template";
import type { Digest, DigestPaper } from "../../../src/digest/digest";
import { renderDigestText } from "../../../src/digest/render-digest-text";
import { attr, parseDigest, text } from "./support/digest-dom";
import { SAMPLE_LINKS } from "./support/sample-digest";

const HOSTILE = `Attack <b>bold</b> & "quotes" 'single' </a><script>alert(1)</script> end`;

function hostilePaper(): DigestPaper {
  return {
    arxivId: "2510.99999",
    version: 1,
    title: HOSTILE,
    abstract: `Abstract ${HOSTILE} <img src=x onerror=alert(2)> x < y && y > z`,
    authors: [`Eve <eve@example.org>`, `O'Brien "Bob" & Co`],
    subjects: [`Machine Learning (cs.LG)"><script>alert(3)</script>`],
    links: {
      abs: `https://arxiv.org/abs/2510.99999"><script>alert(4)</script>`,
      pdf: "https://arxiv.org/pdf/2510.99999",
      html: "https://arxiv.org/html/2510.99999",
    },
    translation: {
      title: `标题 ${HOSTILE}`,
      abstract: `摘要 </div><script>alert(5)</script>`,
      summary: `总结 ${HOSTILE}`,
    },
    // A matched term that is itself markup must not open a way in either.
    matchedTerms: ["<b>bold</b>", "quotes", "script"],
  };
}

function hostileDigest(): Digest {
  const paper = hostilePaper();
  return {
    editionDate: "2025-10-17",
    announcedAt: new Date("2025-10-17T00:00:00Z"),
    generatedAt: new Date("2025-10-17T00:30:00Z"),
    recipient: { email: `"<x>"@example.org`, timeZone: "Asia/Shanghai" },
    sections: [{ query: `</a><script>alert(6)</script> & "q"`, papers: [paper] }],
    uniquePaperCount: 1,
    omittedPaperCount: 0,
    missingTranslations: false,
    language: "zh-CN",
  };
}

describe("everything from a feed or a subscriber is escaped", () => {
  it("keeps hostile titles, abstracts, authors, subjects, links and queries as text", async () => {
    const template = await compileDigestTemplate();
    for (const maxHtmlKb of [Infinity, 4]) {
      const html = template.render(hostileDigest(), SAMPLE_LINKS, { maxHtmlKb });
      const { all, cards } = parseDigest(html);
      expect(all.filter((n) => ["script", "img", "b"].includes(n.name))).toEqual([]);
      expect(all.some((n) => attr(n, "onerror") !== "")).toBe(false);
      const [card] = cards;
      expect(card!.title).toBe(HOSTILE);
      expect(card!.zhTitle).toBe(`标题 ${HOSTILE}`);
      expect(card!.zhSummary).toBe(`一句话总结：总结 ${HOSTILE}`);
      expect(card!.titleHref).toBe(`https://arxiv.org/abs/2510.99999"><script>alert(4)</script>`);
      expect(card!.meta).toContain(`Authors: Eve <eve@example.org>, O'Brien "Bob" & Co`);
      expect(card!.marks).toEqual(expect.arrayContaining(["<b>bold</b>", "quotes"]));
      const body = text(all.filter((n) => n.name === "body"));
      expect(body).toContain(`Keyword: </a><script>alert(6)</script> & "q"`);
      expect(body).toContain(`"<x>"@example.org`);
    }
  });

  it("shortens a hostile abstract without cutting into an entity or a tag", async () => {
    const template = await compileDigestTemplate();
    const html = template.render(hostileDigest(), SAMPLE_LINKS, { maxHtmlKb: 4 });
    const [card] = parseDigest(html).cards;
    expect(text(card!.abstract)).toMatch(/…|^read the full abstract$/);
    expect(html).not.toMatch(/&[a-z#0-9]*…/);
  });

  it("leaves the plain-text part plain: nothing escaped, nothing interpreted", () => {
    const out = renderDigestText(hostileDigest(), SAMPLE_LINKS);
    expect(out).toContain(`${HOSTILE}\n标题 ${HOSTILE}\n一句话总结：总结 ${HOSTILE}`);
    expect(out).not.toContain("&amp;");
  });
});
