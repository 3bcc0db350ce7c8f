import fs from "node:fs";
import path from "node:path";
import type { PolledFeed } from "../../../src/arxiv/classify-feeds";
import { ingestEdition } from "../../../src/arxiv/ingest-edition";
import type { AnnounceType, AnnouncedPaper } from "../../../src/arxiv/paper";
import { parseArxivFeed } from "../../../src/arxiv/parse-arxiv-feed";
import { createEditionStore } from "../../../src/db/edition-store";
import type { EditionStore } from "../../../src/arxiv/edition";
import { ARXIV_CAPTURES, ARXIV_CAPTURES_DIR as CAPTURES } from "../../support/arxiv-captures";
import { describeNeeding } from "../../support/external-resources";
import { openTestDb } from "../../support/open-test-db";

const NOW = new Date("2025-10-20T12:00:00Z");

function item(id: string, announceType: AnnounceType = "new", category = "cs.AI"): AnnouncedPaper {
  return {
    announceType,
    paper: {
      arxivId: id,
      version: 1,
      title: `Paper ${id}`,
      abstract: "An abstract.",
      authors: ["A. Author"],
      categories: [category],
      primaryCategory: category,
    },
  };
}

function feed(name: string, date: string | undefined, items: AnnouncedPaper[]): PolledFeed {
  const pubDate = date ? new Date(`${date}T04:00:00Z`) : undefined;
  return {
    feed: name,
    kind: "parsed",
    parsed: { title: `${name} updates on arXiv.org`, query: name, pubDate, items },
  };
}

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, "0")}`);

describe("ingestEdition (real SQLite)", () => {
  let store: EditionStore;
  let close: () => Promise<void>;

  beforeEach(async () => {
    const opened = await openTestDb();
    store = createEditionStore(opened.db);
    close = opened.close;
  });
  afterEach(() => close());

  it("stores one paper once across categories, preferring new over cross", async () => {
    const result = await ingestEdition(
      store,
      [
        feed("cs.AI", "2025-10-17", [item("2510.00001"), item("2510.00002")]),
        feed("cs.LG", "2025-10-17", [item("2510.00001", "cross"), item("2510.00003")]),
      ],
      NOW,
    );
    expect(result).toMatchObject({ kind: "created", paperCount: 3, stale: [] });
    if (result.kind !== "created") return;
    const papers = await store.papersOf(result.edition.id);
    expect(papers.map((p) => [p.arxivId, p.announceType])).toEqual([
      ["2510.00001", "new"],
      ["2510.00002", "new"],
      ["2510.00003", "new"],
    ]);
    expect(result.edition.date).toBe("2025-10-17");
    expect(result.edition.announcedAt.toISOString()).toBe("2025-10-17T00:00:00.000Z");
  });

  it("treats a batch already stored as a no-op, and an empty feed as no edition", async () => {
    const day = [
      feed(
        "cs.AI",
        "2025-10-17",
        ids("2510.1", 5).map((i) => item(i)),
      ),
    ];
    await ingestEdition(store, day, NOW);
    expect(await ingestEdition(store, day, NOW)).toMatchObject({
      kind: "already-ingested",
      edition: { date: "2025-10-17" },
    });
    expect(await ingestEdition(store, [feed("cs.AI", "2025-10-18", [])], NOW)).toEqual({
      kind: "empty",
    });
    expect(await store.latest()).toMatchObject({ date: "2025-10-17" });
  });

  it("decides by the ids served: a pubDate a day behind the content does not hide a new batch", async () => {
    await ingestEdition(
      store,
      [
        feed(
          "cs.AI",
          "2025-10-16",
          ids("2510.1", 4).map((i) => item(i)),
        ),
      ],
      NOW,
    );
    const lagging = await ingestEdition(
      store,
      [
        feed(
          "cs.AI",
          "2025-10-16",
          ids("2510.2", 4).map((i) => item(i)),
        ),
      ],
      NOW,
    );
    expect(lagging).toMatchObject({
      kind: "created",
      edition: { date: "2025-10-17" },
      paperCount: 4,
    });
  });

  it("notices a category still serving yesterday's batch, and merges it when it catches up", async () => {
    const ai1 = ids("2510.1", 6).map((i) => item(i));
    const lg1 = ids("2510.2", 6).map((i) => item(i, "new", "cs.LG"));
    await ingestEdition(
      store,
      [feed("cs.AI", "2025-10-16", ai1), feed("cs.LG", "2025-10-16", lg1)],
      NOW,
    );
    const ai2 = ids("2510.3", 6).map((i) => item(i));
    const partial = await ingestEdition(
      store,
      [feed("cs.AI", "2025-10-17", ai2), feed("cs.LG", "2025-10-16", lg1)],
      NOW,
    );
    expect(partial).toMatchObject({
      kind: "created",
      edition: { date: "2025-10-17" },
      stale: [{ feed: "cs.LG", servingDate: "2025-10-16" }],
    });
    const lg2 = ids("2510.4", 3).map((i) => item(i, "new", "cs.LG"));
    const caughtUp = await ingestEdition(
      store,
      [feed("cs.AI", "2025-10-17", ai2), feed("cs.LG", "2025-10-17", lg2)],
      NOW,
    );
    expect(caughtUp).toMatchObject({
      kind: "merged",
      edition: { date: "2025-10-17", categories: ["cs.AI", "cs.LG"] },
      paperCount: 3,
    });
    if (caughtUp.kind !== "merged") return;
    expect(await store.papersOf(caughtUp.edition.id)).toHaveLength(9);
  });

  it("dates a feed without pubDate by arXiv's calendar at the time of the poll", async () => {
    const saturday = new Date("2025-10-18T15:00:00Z");
    expect(
      await ingestEdition(store, [feed("cs.AI", undefined, [item("2510.00009")])], saturday),
    ).toMatchObject({
      edition: { date: "2025-10-17" },
    });
  });

  describeNeeding([ARXIV_CAPTURES], "on the real arXiv captures", () => {
    it("makes one edition of 365 papers from the four real 2025-01-16 feeds", async () => {
      const files = fs
        .readdirSync(CAPTURES)
        .filter((f) => f.startsWith("rss2-") && f.endsWith("-2025-01-16.xml"));
      expect(files).toHaveLength(4);
      const feeds = await Promise.all(
        files.map(async (f): Promise<PolledFeed> => {
          const parsed = await parseArxivFeed(fs.readFileSync(path.join(CAPTURES, f), "utf8"), f);
          return { feed: parsed.query, kind: "parsed", parsed };
        }),
      );
      expect(feeds.reduce((n, f) => n + (f.kind === "parsed" ? f.parsed.items.length : 0), 0)).toBe(
        527,
      );
      const result = await ingestEdition(store, feeds, NOW);
      expect(result).toMatchObject({
        kind: "created",
        edition: { date: "2025-01-16" },
        paperCount: 365,
      });
      expect(await ingestEdition(store, feeds, NOW)).toMatchObject({ kind: "already-ingested" });
    });

    it("makes no edition from the real empty weekend and holiday feeds", async () => {
      const files = [
        "rss2-cs.LG-2025-08-16-empty-weekend.xml",
        "rss2-cs.AI-2024-12-26-empty-holiday.xml",
      ];
      for (const f of files) {
        const parsed = await parseArxivFeed(fs.readFileSync(path.join(CAPTURES, f), "utf8"), f);
        expect(
          await ingestEdition(store, [{ feed: parsed.query, kind: "parsed", parsed }], NOW),
        ).toEqual({ kind: "empty" });
      }
      expect(await store.latest()).toBeNull();
    });
  });
});
