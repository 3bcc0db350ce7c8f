import { buildDigest } from "../../../src/digest/build-digest";
import type { DigestPaper } from "../../../src/digest/digest";
import { EditionMatcher } from "../../../src/match/edition-matcher";
import { parseQuery } from "../../../src/match/query";

const papers = [
  { id: 7, title: "Diffusion Policies", abstract: "A diffusion policy for robot grasping." },
  { id: 8, title: "Robot learning", abstract: "Reinforcement learning on a real robot." },
  { id: 9, title: "Language models", abstract: "LLMs that reason." },
].map((p) => ({ ...p, authors: ["Ada Lovelace"], categories: ["cs.RO"] }));

describe("matched terms reach the digest", () => {
  const matcher = new EditionMatcher(papers);
  const digestPapers = new Map<number, DigestPaper>(
    papers.map((p) => [
      p.id,
      {
        arxivId: `2510.0000${p.id}`,
        version: 1,
        title: p.title,
        abstract: p.abstract,
        authors: p.authors,
        subjects: ["Robotics (cs.RO)"],
        links: { abs: "", pdf: "", html: "" },
      },
    ]),
  );
  const digest = buildDigest({
    editionDate: "2025-10-17",
    announcedAt: new Date("2025-10-17T00:00:00Z"),
    generatedAt: new Date("2025-10-17T01:00:00Z"),
    recipient: { email: "a@x", timeZone: "UTC" },
    queries: ['"diffusion policy"', "robot"].map(parseQuery),
    matchQuery: (query) => matcher.match(query),
    matchedTerms: (query) => matcher.matchedTerms(query),
    papers: digestPapers,
    maxPapers: 100,
  });

  it("gives a paper in two sections each section's own terms", () => {
    expect(
      digest?.sections.map((s) => [s.query, s.papers.map((p) => [p.arxivId, p.matchedTerms])]),
    ).toEqual([
      ['"diffusion policy"', [["2510.00007", ["Diffusion Policies", "diffusion policy"]]]],
      [
        "robot",
        [
          ["2510.00007", ["robot"]],
          ["2510.00008", ["Robot", "robot"]],
        ],
      ],
    ]);
    expect(digest?.uniquePaperCount).toBe(2);
  });

  it("leaves the shared paper objects untouched", () => {
    expect(digestPapers.get(7)?.matchedTerms).toBeUndefined();
  });
});
