import {
  compileDigestTemplate,
  type DigestHtmlTemplate,
} from "../../../src/digest/digest-html-template";
import type { Digest } from "../../../src/digest/digest";
import { DomUtils } from "htmlparser2";
import { displayText } from "../../../src/digest/format-paper";
import { attr, parseDigest, text } from "./support/digest-dom";
import { sampleDigest, SAMPLE_LINKS } from "./support/sample-digest";

let template: DigestHtmlTemplate;
let digest: Digest;
let html: string;

beforeAll(async () => {
  template = await compileDigestTemplate();
  digest = await sampleDigest({ email: "reader@example.org", timeZone: "Europe/Berlin" });
  html = template.render(digest, SAMPLE_LINKS, { maxHtmlKb: Infinity });
});

describe("digest HTML, read back with an HTML parser", () => {
  it("shows every paper with its titles, authors, subjects, links and both abstracts", () => {
    const { cards } = parseDigest(html);
    const papers = digest.sections.flatMap((s) => s.papers);
    expect(cards).toHaveLength(35);
    cards.forEach((card, i) => {
      const paper = papers[i]!;
      expect(card.title).toBe(paper.title.replace(/\s+/g, " "));
      expect(card.zhTitle).toBe(paper.translation?.title);
      expect(card.titleHref).toBe(`https://arxiv.org/abs/${paper.arxivId}`);
      expect(card.links).toEqual({
        abs: `https://arxiv.org/abs/${paper.arxivId}`,
        pdf: `https://arxiv.org/pdf/${paper.arxivId}`,
        html: `https://arxiv.org/html/${paper.arxivId}`,
      });
      expect(card.meta).toContain(`Subjects: ${paper.subjects.join("; ")}`);
      expect(card.meta).toContain(`Authors: ${paper.authors[0]}`);
      expect(text(card.abstract).slice(0, 60)).toBe(paper.abstract.slice(0, 60));
      expect(attr(card.zhAbstract!, "lang")).toBe("zh-CN");
      expect(text(card.zhAbstract!)).toBe(
        displayText(paper.translation!.abstract).replace(/此\s*https URL/g, "arXiv 页面上的链接"),
      );
    });
  });

  it('turns arXiv\'s dead phrase "this https URL" into a link to the abs page', () => {
    const { cards } = parseDigest(html);
    const card = cards.find((c) => c.titleHref.endsWith("/2510.12953"))!;
    const links = [card.abstract, card.zhAbstract!].map((block) =>
      DomUtils.findAll((n) => n.name === "a", [block]).map((a) => [text(a), attr(a, "href")]),
    );
    expect(links).toEqual([
      [["the link on its arXiv page", "https://arxiv.org/abs/2510.12953"]],
      [["arXiv 页面上的链接", "https://arxiv.org/abs/2510.12953"]],
    ]);
    expect(html).not.toMatch(/this https URL|此\s*https URL/);
  });

  it("names subjects, not codes, and shortens a long author list with a count", async () => {
    const long = structuredClone(digest);
    const paper = long.sections[0]!.papers[0]!;
    paper.authors = Array.from({ length: 300 }, (_, i) => `Author ${i + 1}`);
    const [card] = parseDigest(template.render(long, SAMPLE_LINKS)).cards;
    expect(card!.meta).toContain("Author 9, … Author 300 (300 authors)");
    expect(card!.meta).not.toContain("Author 10,");
    expect(card!.meta).toMatch(/Subjects: [A-Z][a-z]+.* \(cs\.[A-Z]{2}\)/);
  });

  it("highlights what each section's query found", () => {
    const { cards } = parseDigest(html);
    const first = digest.sections[0]!.papers.length;
    expect(cards[0]!.marks.map((m) => m.toLowerCase())).toContain("reinforcement learning");
    expect(cards[first]!.marks.map((m) => m.toLowerCase())).toContain("diffusion policy");
    expect(cards.every((card) => card.marks.length > 0)).toBe(true);
  });

  it("highlights the query in the Chinese title and abstract too, through the glossary", () => {
    const { cards } = parseDigest(html);
    const card = cards.find((c) => c.titleHref.endsWith("/2510.13324"))!;
    // Once in the Chinese title, once in the Chinese abstract.
    expect(card.zhMarks.filter((m) => m === "扩散策略")).toHaveLength(2);
    expect(cards[0]!.zhMarks).toContain("强化学习");
  });

  it("has a header with date, both announcement times, counts and a contents list", () => {
    const { all } = parseDigest(html);
    const body = text(all.filter((n) => n.name === "body"));
    expect(body).toContain("arXiv 每日论文 · arXiv digest · 2025-10-17");
    expect(body).toContain("Announced: 2025-10-16 20:00 EDT (2025-10-17 02:00 UTC+2)");
    expect(body).toContain("今天共有 34 篇相关文章 · 34 matching papers");
    const toc = all.filter((n) => n.name === "a" && attr(n, "href").startsWith("#kw-"));
    expect(toc.map((a) => [attr(a, "href"), text(a)])).toEqual([
      ["#kw-0", '"reinforcement learning"'],
      ["#kw-1", '"diffusion policy"'],
    ]);
    for (const a of toc) {
      expect(all.some((n) => attr(n, "id") === attr(a, "href").slice(1))).toBe(true);
    }
    expect(body).toMatch(/"reinforcement learning" · 33 篇/);
  });

  it("links to the web view at the top and to manage, web view and unsubscribe at the foot", () => {
    const { all } = parseDigest(html);
    const links = all.filter((n) => n.name === "a").map((a) => [text(a), attr(a, "href")]);
    expect(links[0]).toEqual(["在浏览器中查看 · View in browser", SAMPLE_LINKS.webViewUrl]);
    expect(links.slice(-3)).toEqual([
      ["管理关键词 Manage keywords", SAMPLE_LINKS.manageUrl],
      ["在浏览器中查看 View in browser", SAMPLE_LINKS.webViewUrl],
      ["退订 Unsubscribe", SAMPLE_LINKS.unsubscribeUrl],
    ]);
    expect(text(all.filter((n) => n.name === "body"))).toContain(
      "You receive this because reader@example.org subscribed to the arXiv digest",
    );
  });

  it("is a 600 px, image-free, UTF-8 mail with a preheader, lang on each block and a dark scheme", () => {
    const { all } = parseDigest(html);
    expect(all.some((n) => n.name === "img")).toBe(false);
    expect(html).toContain('content="text/html; charset=UTF-8"');
    expect(html).toContain("max-width:600px");
    expect(html).not.toMatch(/max-width:(6[0-9][1-9]|[7-9]\d\d)px/);
    expect(html).toContain("@media (prefers-color-scheme: dark)");
    expect(
      attr(
        all.find((n) => n.name === "html")!,
        "lang",
      ),
    ).toBe("en");
    const preheader = all.find((n) => attr(n, "style").startsWith("display:none"));
    expect(text(preheader!)).toBe(
      '34 篇 · 34 papers · "reinforcement learning" (33) · "diffusion policy" (2)',
    );
    // Every visible run of Chinese sits in a zh block (the subject in <title> and the hidden
    // preheader are mixed text, as a subject line is).
    const chinese = all.filter(
      (n) => n !== preheader && n.name !== "title" && /[\u4e00-\u9fff]/.test(ownText(n)),
    );
    expect(chinese.filter((node) => !langOf(node).startsWith("zh")).map((n) => n.name)).toEqual([]);
  });

  it("writes zh-TW on the Chinese blocks of a Traditional Chinese digest", () => {
    const { cards } = parseDigest(template.render({ ...digest, language: "zh-TW" }, SAMPLE_LINKS));
    expect(attr(cards[0]!.zhAbstract!, "lang")).toBe("zh-TW");
  });

  it("is minified: no runs of whitespace, no comments but Outlook's", () => {
    expect(html).not.toMatch(/>\s{2,}</);
    expect(html.replace(/<!--\[if [\s\S]*?<!\[endif\]-->/g, "")).not.toMatch(/<!--(?!\[if)/);
  });
});

type Node = ReturnType<typeof parseDigest>["all"][number];

/** The text directly inside an element, not in its child elements. */
function ownText(node: Node): string {
  return node.children.map((c) => ("data" in c && c.type === "text" ? c.data : "")).join("");
}

/** The lang that applies to an element: its own or its nearest ancestor's. */
function langOf(node: Node | null): string {
  for (let n: Node | null = node; n; n = n.parent as Node | null) {
    const lang = attr(n, "lang");
    if (lang) return lang;
  }
  return "";
}
