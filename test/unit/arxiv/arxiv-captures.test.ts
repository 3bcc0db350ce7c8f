/**
 * Conformance on real arXiv captures, read in place from the shared folder (never copied into the
 * project: see its README). Every expectation is counted from the raw XML with plain regular
 * expressions, independently of the parser, so a parser that drops, duplicates or mislabels items
 * fails here.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { parseArxivFeed } from "../../../src/arxiv/parse-arxiv-feed";
import type { AnnounceType } from "../../../src/arxiv/paper";
import type { ParsedFeed } from "../../../src/arxiv/parsed-feed";
import { ARXIV_CAPTURES, ARXIV_CAPTURES_DIR as CAPTURES } from "../../support/arxiv-captures";
import { describeNeeding } from "../../support/external-resources";

const RAW_ENTITY = /&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9a-fA-F]+);/;

type TypeCounts = Record<AnnounceType, number>;

interface RawCounts {
  items: number;
  ids: string[];
  types: TypeCounts;
}

function count(xml: string, pattern: RegExp): number {
  return (xml.match(pattern) ?? []).length;
}

function captures(re: RegExp, xml: string): string[] {
  return [...xml.matchAll(re)].map((m) => m[1] ?? "");
}

/** Items, ids and announce types as the raw document states them. */
function countRaw(xml: string): RawCounts {
  if (xml.includes("<rdf:RDF")) {
    // Legacy: "(arXiv:ID [cat])" new or cross by category, "UPDATED" replacements, "CROSS LISTED".
    const feedCat = /<title>(\S+) updates on arXiv\.org<\/title>/.exec(xml)?.[1] ?? "?";
    const suffixes = [
      ...xml.matchAll(/\(arXiv:\S+ \[([^\]]+)\]( UPDATED| CROSS LISTED)?\)<\/title>/g),
    ];
    const types: TypeCounts = { new: 0, cross: 0, replace: 0, replace_cross: 0 };
    for (const [, cat, marker] of suffixes) {
      const own = cat === feedCat;
      if (marker === " CROSS LISTED") types.cross++;
      else if (marker === " UPDATED") types[own ? "replace" : "replace_cross"]++;
      else types[own ? "new" : "cross"]++;
    }
    return {
      items: count(xml, /<item rdf:about=/g),
      ids: captures(/<item rdf:about="http:\/\/arxiv\.org\/abs\/([^"]+)"/g, xml),
      types,
    };
  }
  if (xml.includes("<opensearch:totalResults>")) {
    // API answers announce nothing: first versions count as new, later ones as replacements.
    return {
      items: count(xml, /<entry>/g),
      ids: captures(/<id>http:\/\/arxiv\.org\/abs\/(\S+?)v\d+<\/id>/g, xml),
      types: {
        new: count(xml, /<id>http:\/\/arxiv\.org\/abs\/\S+v1<\/id>/g),
        cross: 0,
        replace: count(xml, /<id>http:\/\/arxiv\.org\/abs\/\S+v(?:[2-9]|\d{2,})<\/id>/g),
        replace_cross: 0,
      },
    };
  }
  const tag = (type: string) =>
    new RegExp(`<arxiv:announce_type>${type}</arxiv:announce_type>`, "g");
  return {
    items: count(xml, /<item>|<entry>/g),
    ids: captures(/(?:<guid[^>]*>|<id>)oai:arXiv\.org:(\S+?)v\d+<\/(?:guid|id)>/g, xml),
    types: {
      new: count(xml, tag("new")),
      cross: count(xml, tag("cross")),
      replace: count(xml, tag("replace")),
      replace_cross: count(xml, tag("replace-cross")),
    },
  };
}

function parsedTypes(feed: ParsedFeed): TypeCounts {
  const types: TypeCounts = { new: 0, cross: 0, replace: 0, replace_cross: 0 };
  for (const { announceType } of feed.items) types[announceType]++;
  return types;
}

describeNeeding([ARXIV_CAPTURES], "conformance on real arXiv captures", () => {
  const files = readdirSync(CAPTURES)
    .filter((f) => f.endsWith(".xml"))
    .sort();

  test("the folder holds captures of every format", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const prefix of ["rss2-", "atom-", "api-atom-", "legacy-rdf-"]) {
      expect(files.some((f) => f.startsWith(prefix))).toBe(true);
    }
  });

  describe.each(files)("%s", (file) => {
    const xml = readFileSync(path.join(CAPTURES, file), "utf8");
    const raw = countRaw(xml);
    let feed: ParsedFeed;
    beforeAll(async () => {
      feed = await parseArxivFeed(xml, file);
    });

    test(`has ${raw.items} items with ${new Set(raw.ids).size} distinct ids`, () => {
      expect(raw.ids).toHaveLength(raw.items);
      expect(feed.items).toHaveLength(raw.items);
      const ids = feed.items.map((i) => i.paper.arxivId);
      expect(new Set(ids).size).toBe(new Set(raw.ids).size);
      expect(ids).toEqual(raw.ids);
    });

    test(`announce types ${JSON.stringify(raw.types)}`, () => {
      expect(parsedTypes(feed)).toEqual(raw.types);
    });

    test("titles and abstracts are clean plain text", () => {
      for (const { paper } of feed.items) {
        for (const text of [paper.title, paper.abstract]) {
          expect(text).not.toContain("Announce Type:");
          expect(text).not.toMatch(RAW_ENTITY);
          expect(text).not.toMatch(/\n|^\s|\s$/);
        }
        expect(paper.title).not.toBe("");
        expect(paper.abstract).not.toMatch(/^Abstract:/);
      }
    });

    test("every paper has a version, authors without TeX, and a primary category listed first", () => {
      for (const { paper } of feed.items) {
        expect(paper.version).toBeGreaterThanOrEqual(1);
        expect(paper.authors.length).toBeGreaterThan(0);
        for (const author of paper.authors) expect(author).not.toMatch(/[\\{}]|^\s|\s$|\s\s/);
        expect(paper.categories[0]).toBe(paper.primaryCategory);
      }
    });

    if (file.startsWith("rss2-")) {
      test("has the channel's pubDate (midnight in New York)", () => {
        expect(feed.pubDate).toBeInstanceOf(Date);
        expect([4, 5]).toContain(feed.pubDate?.getUTCHours());
      });
    }
  });

  test("the four 2025-01-16 feeds hold 527 items and 365 distinct papers", async () => {
    const sameDay = files.filter((f) => /^rss2-cs\.(AI|CL|CV|LG)-2025-01-16\.xml$/.test(f));
    expect(sameDay).toHaveLength(4);
    const rawIds: string[] = [];
    const parsedIds: string[] = [];
    for (const file of sameDay) {
      const xml = readFileSync(path.join(CAPTURES, file), "utf8");
      rawIds.push(...countRaw(xml).ids);
      const feed = await parseArxivFeed(xml, file);
      parsedIds.push(...feed.items.map((i) => i.paper.arxivId));
    }
    expect(rawIds).toHaveLength(527);
    expect(new Set(rawIds).size).toBe(365);
    expect(parsedIds).toHaveLength(527);
    expect(new Set(parsedIds).size).toBe(365);
  });
});
