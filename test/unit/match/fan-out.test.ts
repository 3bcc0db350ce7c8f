import { buildDigest } from "../../../src/digest/build-digest";
import type { DigestPaper } from "../../../src/digest/digest";
import { EditionMatcher } from "../../../src/match/edition-matcher";
import { fanOutMatches } from "../../../src/match/fan-out";
import { parseQuery } from "../../../src/match/query";

const papers = [
  { id: 7, title: "Diffusion Policies", abstract: "A diffusion policy for robot grasping." },
  { id: 8, title: "Robot learning", abstract: "Reinforcement learning on a real robot." },
  { id: 9, title: "Language models", abstract: "LLMs that reason." },
].map((p) => ({ ...p, authors: ["Ada Lovelace"], categories: ["cs.RO"] }));

describe("fanOutMatches", () => {
  const matcher = new EditionMatcher(papers);
  const subscribers = [
    { email: "a@x", keywords: ["diffusion policy", "robot", "Diffusion  Policies"] },
    { email: "b@x", keywords: ["quantum"] },
    { email: "c@x", keywords: ["LLMs OR robot", "old (keyword"] },
  ];
  const { matched, refused } = fanOutMatches(matcher, subscribers, (s) => s.keywords);

  it.each<[string, [string, number[]][], number]>([
    [
      "a@x",
      [
        ["diffusion policy", [7]],
        ["robot", [7, 8]],
      ],
      2,
    ],
    ["c@x", [["LLMs OR robot", [7, 8, 9]]], 3],
  ])(
    "gives %s one section per distinct query, in order, and the unique count",
    (email, sections, unique) => {
      const hits = matched.find((m) => m.subscriber.email === email);
      expect(hits?.sections.map((s) => [s.query.text, s.paperIds])).toEqual(sections);
      expect(hits?.uniquePaperCount).toBe(unique);
    },
  );

  it("leaves out subscribers whom nothing matches", () => {
    expect(matched.map((m) => m.subscriber.email)).toEqual(["a@x", "c@x"]);
  });

  it("reports a stored keyword that no longer parses instead of failing the edition", () => {
    expect(refused).toEqual([
      {
        subscriber: subscribers[2],
        keyword: "old (keyword",
        reason: expect.stringMatching(/never closed/),
      },
    ]);
  });

  it("shares one answer between subscribers who ask the same thing", () => {
    const [a, c] = fanOutMatches(
      matcher,
      [["robot grasping"], ["grasping  ROBOTS"]],
      (keywords) => keywords,
    ).matched;
    expect(a?.sections[0]?.paperIds).toBe(c?.sections[0]?.paperIds);
  });
});

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
