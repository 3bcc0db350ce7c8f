import { readFileSync } from "fs";
import path from "path";
import { FeedError } from "../../../src/errors";
import { FEED_LIMITS, parseArxivFeed } from "../../../src/arxiv/parse-arxiv-feed";
import type { AnnouncedPaper } from "../../../src/arxiv/paper";
import type { ParsedFeed } from "../../../src/arxiv/parsed-feed";
import { isKnownCategory } from "../../../src/arxiv/taxonomy";

const FIXTURES = path.resolve(__dirname, "../../fixtures");
const read = (name: string): string => readFileSync(path.join(FIXTURES, name), "utf8");
const parseFixture = (name: string): Promise<ParsedFeed> => parseArxivFeed(read(name), name);

function byId(feed: ParsedFeed, arxivId: string): AnnouncedPaper {
  const found = feed.items.find((i) => i.paper.arxivId === arxivId);
  if (!found) throw new Error(`${arxivId} not in feed`);
  return found;
}

/** A minimal current-format feed around the given items, for cases not worth a fixture file. */
function rss(items: string, channel = "cs.AI"): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>
    <title>${channel} updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/${channel}</link>
    <description>${channel} updates on the arXiv.org e-print archive.</description>
    <pubDate>Wed, 15 Jan 2025 00:00:00 -0500</pubDate>
    ${items}
  </channel>
</rss>`;
}

interface ItemParts {
  title?: string;
  guid?: string | null;
  description?: string;
  type?: string | null;
  categories?: string[];
  creator?: string;
}

function item(p: ItemParts = {}): string {
  const guid = p.guid === undefined ? "oai:arXiv.org:2501.00001v1" : p.guid;
  const type = p.type === undefined ? "new" : p.type;
  return `<item>
    <title>${p.title ?? "A Title"}</title>
    <link>https://arxiv.org/abs/2501.00001</link>
    <description>${p.description ?? `arXiv:2501.00001v1 Announce Type: new \nAbstract: Text.`}</description>
    ${guid === null ? "" : `<guid isPermaLink="false">${guid}</guid>`}
    ${(p.categories ?? ["cs.AI"]).map((c) => `<category>${c}</category>`).join("\n")}
    ${type === null ? "" : `<arxiv:announce_type>${type}</arxiv:announce_type>`}
    <dc:creator>${p.creator ?? "Ann Author"}</dc:creator>
  </item>`;
}

describe("parseArxivFeed on the example digest's feed (rss.arxiv.org/rss/cs, 2025-10-17)", () => {
  let feed: ParsedFeed;
  beforeAll(async () => {
    feed = await parseFixture("example-digest-papers.rss.xml");
  });

  test("reads the channel", () => {
    expect(feed.title).toBe("cs updates on arXiv.org");
    expect(feed.query).toBe("cs");
    expect(feed.pubDate?.toISOString()).toBe("2025-10-17T04:00:00.000Z");
  });

  test("has 34 papers with distinct ids, all announced as new", () => {
    expect(feed.items).toHaveLength(34);
    expect(new Set(feed.items.map((i) => i.paper.arxivId)).size).toBe(34);
    expect(feed.items.every((i) => i.announceType === "new")).toBe(true);
  });

  test("reads 2510.12815 field by field", () => {
    const { paper, announceType } = byId(feed, "2510.12815");
    expect(announceType).toBe("new");
    expect(paper.version).toBe(1);
    expect(paper.title).toBe(
      "Energy-Guided Diffusion Sampling for Long-Term User Behavior Prediction in Reinforcement Learning-based Recommendation",
    );
    expect(paper.authors).toEqual(["Xiaocong Chen", "Siyu Wang", "Lina Yao"]);
    expect(paper.categories).toEqual(["cs.IR"]);
    expect(paper.primaryCategory).toBe("cs.IR");
    expect(paper.abstract.startsWith("Reinforcement learning-based recommender systems")).toBe(
      true,
    );
    expect(paper.abstract.endsWith("highlighting its versatility and wide applicability.")).toBe(
      true,
    );
    expect(paper.license).toBe("http://creativecommons.org/licenses/by/4.0/");
    expect(paper.doi).toBeUndefined();
    expect(paper.journalRef).toBeUndefined();
  });

  test("reads 2510.12953 (four categories, primary first)", () => {
    const { paper } = byId(feed, "2510.12953");
    expect(paper.title).toBe(
      "Epistemic-aware Vision-Language Foundation Model for Fetal Ultrasound Interpretation",
    );
    expect(paper.categories).toEqual(["cs.CV", "cs.AI", "cs.IR", "cs.MM"]);
    expect(paper.primaryCategory).toBe("cs.CV");
    expect(paper.authors).toHaveLength(10);
    expect(paper.authors[0]).toBe("Xiao He");
    expect(paper.authors[9]).toBe("Bo Du");
    expect(paper.abstract.startsWith("Recent medical vision-language models")).toBe(true);
  });

  test("leaves no header, line break or entity in any abstract or title", () => {
    for (const { paper } of feed.items) {
      expect(paper.abstract).not.toMatch(/^\s|Abstract:|Announce Type|\n|&[a-z]+;/);
      expect(paper.title).not.toMatch(/\n|&[a-z]+;/);
      expect(paper.categories.every(isKnownCategory)).toBe(true);
      expect(paper.authors.length).toBeGreaterThan(0);
    }
  });
});

describe("parseArxivFeed on hand-written fixtures of the real feeds' quirks", () => {
  test("abstracts: trailing space after the type, blank lines and wrapped lines are collapsed", async () => {
    const feed = await parseFixture("quirks/rss2-abstract-whitespace.xml");
    expect(byId(feed, "2501.10001").paper.abstract).toBe(
      "The first paragraph ends here. The second paragraph follows a blank line, and this sentence was wrapped across three lines.",
    );
    const replaced = byId(feed, "2501.10002");
    expect(replaced.announceType).toBe("replace");
    expect(replaced.paper.version).toBe(3);
    expect(replaced.paper.abstract).toBe("Leading blank lines before the text.");
    expect(replaced.paper.title).toBe("A Title That Was Wrapped by the Submitter");
  });

  test.each([
    ["2501.20001", "new", ["cs.AI", "cs.LG", "stat.ML", "math.OC"]],
    ["2501.20002", "cross", ["cs.CV", "cs.LG"]],
    ["2406.30003", "replace_cross", ["cs.RO", "cs.AI", "eess.SY", "cs.SY"]],
  ])("categories: %s is %s with %j, primary first", async (id, type, categories) => {
    const feed = await parseFixture("quirks/rss2-cross-lists.xml");
    expect(feed.query).toBe("cs.AI+cs.LG");
    const { paper, announceType } = byId(feed, id);
    expect(announceType).toBe(type);
    expect(paper.categories).toEqual(categories);
    expect(paper.primaryCategory).toBe(categories[0]);
  });

  test.each([
    ["2501.30001", "title", "$\\texttt{InfoTree}$: Dyna-$Q$ Planning with \\textbf{Bold} Claims"],
    [
      "2501.30001",
      "abstract",
      "We keep $O(n^2)$ and Application\\-wise terms as written, and the model emits <eos> after <cls> tokens for <subject, relation, object> triples.",
    ],
    ["2501.30002", "title", "Achieving >97% on Toy Benchmarks: Q&A & Retrieval"],
    ["2501.30002", "abstract", "Accuracy improves by 3.1 ± 0.2 points on R\\&D tasks where x < y."],
  ] as const)(
    "LaTeX kept, entities decoded (double-escaped too): %s %s",
    async (id, field, expected) => {
      const feed = await parseFixture("quirks/rss2-latex-and-escapes.xml");
      expect(byId(feed, id).paper[field]).toBe(expected);
    },
  );

  test.each([
    [
      "2501.40001",
      [
        "Ines Fixture (Dept. of Computing, Example University, Springfield, USA)",
        "Jon Fixture (Institute of Tests, Brigham and Women's Hospital, Boston)",
        "Kim Fixture (Lab A, Lab B & Lab C)",
      ],
    ],
    [
      "2501.40002",
      [
        "Lars Linköping",
        "Marta Puyol-Antón",
        "Nil Başar",
        "Ota Škvor",
        "Pia Keßler",
        "Quin Łukas",
        "Rui João",
        "Sunny",
        "Tove Bıyık",
      ],
    ],
    ["2501.40003", ["Uma Fixture", "Vic Fixture", "Wen Fixture", "Xia Fixture"]],
  ])("authors of %s", async (id, authors) => {
    const feed = await parseFixture("quirks/rss2-authors.xml");
    expect(byId(feed, id).paper.authors).toEqual(authors);
  });

  test("old-style ids, with and without a subject class, and items without pubDate", async () => {
    const feed = await parseFixture("quirks/rss2-old-style-id.xml");
    expect(feed.pubDate?.toISOString()).toBe("2024-05-15T04:00:00.000Z");
    const nlin = byId(feed, "nlin/0408039");
    expect(nlin.announceType).toBe("replace_cross");
    expect(nlin.paper.version).toBe(2);
    expect(nlin.paper.primaryCategory).toBe("nlin.AO");
    expect(byId(feed, "math.GT/0309136").paper.version).toBe(12);
  });

  test("DOI, a journal reference over two lines (with mojibake), and their absence", async () => {
    const feed = await parseFixture("quirks/rss2-doi-journal-ref.xml");
    const published = byId(feed, "2501.60001").paper;
    expect(published.doi).toBe("10.1234/example.2025.001");
    expect(published.journalRef).toBe(
      "Proceedings of the Example Workshop on Fixtures, pages 12–34, 2025",
    );
    expect(published.license).toBe("http://creativecommons.org/licenses/by-nc-nd/4.0/");
    const bare = byId(feed, "2501.60002").paper;
    expect(bare).not.toHaveProperty("doi");
    expect(bare).not.toHaveProperty("journalRef");
    expect(bare).not.toHaveProperty("license");
  });

  test("an empty feed (weekend, holiday) is valid and has no items", async () => {
    const feed = await parseFixture("quirks/rss2-empty.xml");
    expect(feed.items).toEqual([]);
    expect(feed.query).toBe("cs.AI");
    expect(feed.pubDate?.toISOString()).toBe("2025-01-18T05:00:00.000Z");
  });

  test("the Atom announcement feed", async () => {
    const feed = await parseFixture("quirks/atom-announcement.xml");
    expect(feed.query).toBe("cs.AI");
    expect(feed.pubDate?.toISOString()).toBe("2025-01-15T05:00:00.000Z");
    expect(feed.items.map((i) => [i.paper.arxivId, i.paper.version, i.announceType])).toEqual([
      ["2501.70001", 1, "cross"],
      ["2501.70002", 2, "replace"],
    ]);
    const cross = feed.items[0]!.paper;
    expect(cross.abstract).toBe("The Atom feed carries the same header as the RSS one.");
    expect(cross.categories).toEqual(["cs.CL", "cs.AI"]);
    expect(cross.authors).toEqual(["Eva Fixture (Somewhere, Country)", "Fil Fixture"]);
    expect(feed.items[1]!.paper.authors).toEqual(["Günter Fixture"]);
  });

  test("an arXiv API answer (Atom with <author><name> and arxiv:primary_category)", async () => {
    const feed = await parseFixture("quirks/api-atom.xml");
    expect(feed.query).toBe("cs.IR+cs.DL");
    expect(feed.pubDate).toBeUndefined();
    const [first, second] = feed.items;
    expect(first?.announceType).toBe("replace");
    expect(first?.paper).toEqual({
      arxivId: "2501.80001",
      version: 3,
      title: "An API Entry With a Wrapped Title",
      abstract: "An older-style summary, indented by two spaces and wrapped (1D->2D).",
      authors: ["Hal Fixture", "Ivo Müller"],
      categories: ["cs.IR", "cs.DL"],
      primaryCategory: "cs.IR",
      doi: "10.5555/fixture.80001",
      journalRef: "Journal of Fixtures 1, 2 (2025)",
    });
    expect(second?.announceType).toBe("new");
    expect(second?.paper.arxivId).toBe("cond-mat/0101001");
  });

  test.each([
    ["2308.00001", "new", 1, ["cs.AI"]],
    ["2308.00002", "cross", 1, ["cs.CV", "cs.AI"]],
    ["2301.00003", "replace", 2, ["cs.AI"]],
    ["2302.00004", "replace_cross", 4, ["cs.LG", "cs.AI"]],
    ["2305.00005", "cross", 1, ["eess.IV", "cs.AI"]],
  ])("legacy RSS 1.0: %s is %s v%d in %j", async (id, type, version, categories) => {
    const feed = await parseFixture("quirks/legacy-rdf.xml");
    expect(feed.query).toBe("cs.AI");
    const { paper, announceType } = byId(feed, id);
    expect(announceType).toBe(type);
    expect(paper.version).toBe(version);
    expect(paper.categories).toEqual(categories);
    expect(paper.title).not.toMatch(/arXiv:|\.$/);
  });

  test("legacy RSS 1.0: HTML abstract and linked authors become text", async () => {
    const { paper } = byId(await parseFixture("quirks/legacy-rdf.xml"), "2308.00001");
    expect(paper.title).toBe("A New Legacy Paper");
    expect(paper.abstract).toBe(
      'A legacy abstract wrapped at eighty columns, with a "quote" and Q&A.',
    );
    expect(paper.authors).toEqual(["Kai Fixture", "Léa Fixture"]);
  });
});

describe("parseArxivFeed refuses what cannot be trusted", () => {
  test.each([
    ["quirks/rss2-feed-error.xml", /arXiv refused the feed query.*cs\.XX.*Bad archive\/category/],
    ["quirks/rss2-item-without-guid.xml", /item 2 \("An Item Without Guid"\) has no <guid>/],
    ["quirks/rss2-truncated.xml", /not a readable RSS or Atom feed/],
  ])("%s", async (name, message) => {
    const attempt = parseFixture(name);
    await expect(attempt).rejects.toBeInstanceOf(FeedError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(name);
  });

  test.each<[string, string, RegExp]>([
    ["an empty document", "", /empty/],
    ["plain text", "this is not xml", /not a readable RSS or Atom feed/],
    ["JSON", '{"items": []}', /not a readable RSS or Atom feed/],
    ["an HTML page", "<html><body><h1>503</h1></body></html>", /not a readable RSS or Atom feed/],
    ["an undeclared entity", rss(item({ title: "A &undeclared; B" })), /not a readable/],
    [
      "entities declared in a DOCTYPE (never expanded)",
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>' +
        rss(item({ title: "&b;" })).replace(/^<\?xml[^>]*>/, ""),
      /not a readable/,
    ],
    [
      "a guid that is not an arXiv id",
      rss(item({ guid: "tag:example.com,2025:1" })),
      /item 1 .*not an arXiv id/,
    ],
    [
      "a guid without version",
      rss(item({ guid: "oai:arXiv.org:2501.00001" })),
      /not an arXiv id with version/,
    ],
    [
      "a header naming another paper",
      rss(item({ description: "arXiv:2501.99999v1 Announce Type: new \nAbstract: x" })),
      /is 2501\.00001v1 but its abstract says 2501\.99999v1/,
    ],
    [
      "an unknown announce type",
      rss(item({ type: "withdrawn" })),
      /unknown announce type "withdrawn"/,
    ],
    [
      "no announce type at all",
      rss(item({ type: null, description: "Abstract: x" })),
      /has no announce type/,
    ],
    ["no category", rss(item({ categories: [] })), /has no valid category/],
    [
      "an invalid category only",
      rss(item({ categories: ["<b>"] })),
      /not a readable|has no valid category/,
    ],
    ["no title", rss(item({ title: "   " })), /item 1 has no title/],
    [
      "a repeated id",
      rss(item() + item()),
      /item 2 repeats arXiv id 2501\.00001 \(first seen as item 1\)/,
    ],
    [
      "a channel that names no category",
      rss("")
        .replace(/<title>.*<\/title>/, "<title>Something</title>")
        .replace(/<link>.*<\/link>/, ""),
      /cannot tell which arXiv category/,
    ],
  ])("%s", async (_what, xml, message) => {
    const attempt = parseArxivFeed(xml, "test.xml");
    await expect(attempt).rejects.toBeInstanceOf(FeedError);
    await expect(attempt).rejects.toThrow(message);
  });

  test.each([
    ["http://rss.arxiv.org/rss/cs", "cs"],
    ["https://rss.arxiv.org/rss/cs.AI+cs.LG", "cs.AI+cs.LG"],
    ["https://rss.arxiv.org/rss/cs.AI%2Bcs.LG", "cs.AI+cs.LG"],
    ["http://rss.arxiv.org/atom/physics.optics", "physics.optics"],
  ])("the query of a feed linking to %s is %s", async (link, query) => {
    const xml = rss("").replace(/<link>.*<\/link>/, `<link>${link}</link>`);
    expect((await parseArxivFeed(xml)).query).toBe(query);
  });

  test("the announce type falls back to the description's header", async () => {
    const feed = await parseArxivFeed(
      rss(
        item({
          type: null,
          description: "arXiv:2501.00001v1 Announce Type: replace-cross \nAbstract: x",
        }),
      ),
    );
    expect(feed.items[0]?.announceType).toBe("replace_cross");
  });

  test("overlong fields are cut to their bound, marked with an ellipsis", async () => {
    const long = "word ".repeat(5_000);
    const feed = await parseArxivFeed(
      rss(item({ description: `arXiv:2501.00001v1 Announce Type: new \nAbstract: ${long}` })),
    );
    const { abstract } = feed.items[0]!.paper;
    expect(abstract.length).toBeLessThanOrEqual(FEED_LIMITS.maxAbstractChars);
    expect(abstract.endsWith("…")).toBe(true);
  });

  test("ACM classes and junk among categories are dropped, duplicates removed", async () => {
    const feed = await parseArxivFeed(
      rss(item({ categories: ["cs.AI", "I.2.7", "cs.LG", "cs.AI", "68T05"] })),
    );
    expect(feed.items[0]?.paper.categories).toEqual(["cs.AI", "cs.LG"]);
  });
});
