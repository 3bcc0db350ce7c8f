import type { Digest } from "../../../src/digest/digest";
import { renderDigestText } from "../../../src/digest/render-digest-text";
import { sampleDigest, SAMPLE_LINKS } from "./support/sample-digest";

let digest: Digest;
let text: string;

beforeAll(async () => {
  digest = await sampleDigest();
  text = renderDigestText(digest, SAMPLE_LINKS);
});

describe("the plain-text part of the reference digest, rebuilt", () => {
  it("opens like the reference, with real times, the unique count and a web-view link", () => {
    expect(text.split("\n").slice(0, 8)).toEqual([
      "arXiv 每日论文 · arXiv digest · 2025-10-17",
      `在浏览器中查看 View in browser: ${SAMPLE_LINKS.webViewUrl}`,
      "arXiv 发布时间 Announced: 2025-10-16 20:00 EDT (2025-10-17 08:00 UTC+8)",
      "生成时间 Generated: 2025-10-17 08:30 UTC+8",
      "今天共有 34 篇相关文章 · 34 matching papers",
      '- "reinforcement learning": 33',
      '- "diffusion policy": 2',
      "",
    ]);
  });

  it("lays out every paper as the reference does, each field once, with all three links", () => {
    for (const paper of digest.sections.flatMap((s) => s.papers)) {
      const block = new RegExp(
        [
          `${escape(paper.title.slice(0, 30))}[^\\n]*`,
          `${escape(paper.translation!.title.slice(0, 10))}[^\\n]*`,
          `- Authors: ${escape(paper.authors[0]!)}[^\\n]*`,
          `- Subjects: ${escape(paper.subjects.join("; "))}`,
          `- Arxiv link: https://arxiv\\.org/abs/${escape(paper.arxivId)}`,
          `- Pdf link: https://arxiv\\.org/pdf/${escape(paper.arxivId)}`,
          `- HTML link: https://arxiv\\.org/html/${escape(paper.arxivId)}`,
          "- Abstract",
          `${escape(paper.abstract.slice(0, 20))}[^\\n]*`,
          "- 中文摘要",
          `[^\\n]+\\n`,
        ].join("\\n"),
      );
      expect(text).toMatch(block);
    }
    expect(text.match(/^Keyword: /gm)).toHaveLength(2);
    expect(text).toContain('Keyword: "reinforcement learning" (33)');
  });

  it("fixes the reference's flaws: no doubled label, no dead URL phrase, no raw LaTeX", () => {
    expect(text).not.toContain("Subjects: Subjects:");
    expect(text).not.toMatch(/this https URL|此\s*https URL/);
    expect(text).toContain("Project Page: the link on its arXiv page (https://arxiv.org/abs/");
    expect(text).toContain("arXiv 页面上的链接 (https://arxiv.org/abs/");
    expect(text).not.toContain("``");
    expect(text).toContain("“sweet spots”");
    expect(text).not.toContain("$\\beta$");
    expect(text).toContain("Õ(√T)");
  });

  it("ends with why the mail came and the manage, web-view and unsubscribe links", () => {
    expect(text.trimEnd().split("\n").slice(-6)).toEqual([
      "--",
      '你收到这封邮件，是因为 reader@example.org 订阅了 arXiv 每日论文，关键词："reinforcement learning", "diffusion policy"。',
      'You receive this because reader@example.org subscribed to the arXiv digest with the keywords "reinforcement learning", "diffusion policy".',
      `管理关键词 Manage keywords: ${SAMPLE_LINKS.manageUrl}`,
      `在浏览器中查看 View in browser: ${SAMPLE_LINKS.webViewUrl}`,
      `退订 Unsubscribe: ${SAMPLE_LINKS.unsubscribeUrl}`,
    ]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
