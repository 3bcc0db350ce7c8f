import { buildDigest } from "../../../src/digest/build-digest";
import type { DigestPaper } from "../../../src/digest/digest";
import { renderDigestText } from "../../../src/digest/render-digest-text";
import { digestSubject } from "../../../src/digest/digest-mail-parts";
import { parseQuery } from "../../../src/match/query";

function paper(id: number): DigestPaper {
  return {
    arxivId: `2510.0000${id}`,
    version: 1,
    title: `Paper ${id} on ` + "``robust''" + " control",
    abstract: `Abstract ${id}.`,
    authors: ["Ada Lovelace", "Alan Turing"],
    subjects: ["Machine Learning (cs.LG)"],
    links: {
      abs: `https://arxiv.org/abs/2510.0000${id}`,
      pdf: `https://arxiv.org/pdf/2510.0000${id}`,
      html: "",
    },
    translation: id === 1 ? { title: `论文 ${id}`, abstract: `摘要 ${id}` } : undefined,
  };
}

const papers = new Map([1, 2, 3, 4].map((id) => [id, paper(id)]));
const hits: Record<string, number[]> = { alpha: [1, 2, 3], beta: [2, 4], gamma: [] };
const base = {
  editionDate: "2025-10-17",
  announcedAt: new Date("2025-10-17T00:00:00Z"),
  generatedAt: new Date("2025-10-17T01:30:00Z"),
  recipient: { email: "a@example.org", timeZone: "Asia/Shanghai" },
  matchQuery: (q: { text: string }) => hits[q.text] ?? [],
  papers,
  maxPapers: 100,
};

describe("buildDigest", () => {
  it("returns null when nothing matches", () => {
    expect(buildDigest({ ...base, queries: [parseQuery("gamma")] })).toBeNull();
  });

  it("keeps the subscriber's order, shows a paper in every section it matches, counts it once", () => {
    const digest = buildDigest({ ...base, queries: ["beta", "gamma", "alpha"].map(parseQuery) });
    expect(digest?.sections.map((s) => [s.query, s.papers.map((p) => p.arxivId.at(-1))])).toEqual([
      ["beta", ["2", "4"]],
      ["alpha", ["1", "2", "3"]],
    ]);
    expect(digest?.uniquePaperCount).toBe(4);
    expect(digest?.omittedPaperCount).toBe(0);
    expect(digest?.missingTranslations).toBe("pending");
  });

  it("says how many papers the cap left out", () => {
    const digest = buildDigest({
      ...base,
      maxPapers: 2,
      queries: ["alpha", "beta"].map(parseQuery),
    });
    expect(digest?.uniquePaperCount).toBe(2);
    expect(digest?.omittedPaperCount).toBe(2);
    expect(digest?.sections.map((s) => s.papers.length)).toEqual([2, 1]);
  });
});

describe("plain-text digest", () => {
  const digest = buildDigest({ ...base, queries: ["alpha", "beta"].map(parseQuery) });
  const text = renderDigestText(digest!, {
    unsubscribeUrl: "mailto:d@example.org?subject=unsubscribe",
    manageUrl: "https://digest.example.org/manage/1.token",
    webViewUrl: "https://digest.example.org/digest/2025-10-17/1.token",
  });

  it("reports unique papers and per-keyword counts, with real times", () => {
    expect(text).toContain("今天共有 4 篇相关文章 · 4 matching papers");
    expect(text).toContain("- alpha: 3\n- beta: 2");
    expect(text).toContain("Announced: 2025-10-16 20:00 EDT (2025-10-17 08:00 UTC+8)");
    expect(text).toContain("Generated: 2025-10-17 09:30 UTC+8");
  });

  it("lays each paper out like the reference digest, without its flaws", () => {
    expect(text).toContain(
      [
        "Paper 1 on “robust” control",
        "论文 1",
        "- Authors: Ada Lovelace, Alan Turing",
        "- Subjects: Machine Learning (cs.LG)",
        "- Arxiv link: https://arxiv.org/abs/2510.00001",
        "- Pdf link: https://arxiv.org/pdf/2510.00001",
        "- Abstract",
        "Abstract 1.",
        "- 中文摘要",
        "摘要 1",
      ].join("\n"),
    );
    expect(text).not.toContain("Subjects: Subjects:");
    expect(text).toContain("退订 Unsubscribe: mailto:d@example.org?subject=unsubscribe");
  });

  it("has a bilingual subject with date, count and keywords", () => {
    expect(digestSubject(digest!)).toBe("arXiv 每日论文 2025-10-17 · 4 篇 · alpha, beta");
  });
});
