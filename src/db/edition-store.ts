import { versionKey, type AnnounceType, type AnnouncedPaper, type Paper } from "../arxiv/paper";
import type { Db } from "./create-database";

/** Every state an edition can be in. */
export const EDITION_STATUSES = ["ingested", "prepared", "sent"] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export interface Edition {
  id: number;
  date: string;
  announcedAt: Date;
  categories: string[];
  status: EditionStatus;
}

/** A paper of an edition as stored, with its row id and any translations. */
export interface StoredPaper extends Paper {
  id: number;
  announceType: AnnounceType;
  translations: { language: string; title: string; abstract: string }[];
}

interface NewEdition {
  date: string;
  announcedAt: Date;
  categories: string[];
  items: AnnouncedPaper[];
}

/** Editions and their papers. */
export interface EditionStore {
  findByDate(date: string): Promise<Edition | null>;
  latest(): Promise<Edition | null>;
  /** Stores an edition and its papers in one transaction (a paper version is stored once). */
  create(edition: NewEdition): Promise<Edition>;
  /** Adds papers (and the categories they came from) to an existing edition. */
  addPapers(editionId: number, categories: string[], items: AnnouncedPaper[]): Promise<Edition>;
  /** For each given paper version that is in some edition: that edition's date. */
  editionDatesOf(
    versions: readonly { arxivId: string; version: number }[],
  ): Promise<Map<string, string>>;
  papersOf(editionId: number): Promise<StoredPaper[]>;
  setStatus(editionId: number, status: EditionStatus): Promise<void>;
}

/** A 2,000-paper edition takes longer than Prisma's 5 s default for one transaction. */
const LARGE_EDITION_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

type EditionRow = Awaited<ReturnType<Db["edition"]["findFirstOrThrow"]>>;

function toEdition(row: EditionRow): Edition {
  return {
    id: row.id,
    date: row.date,
    announcedAt: row.announcedAt,
    categories: row.categories.split(","),
    status: row.status,
  };
}

function paperColumns(paper: Paper) {
  return {
    title: paper.title,
    abstract: paper.abstract,
    authors: JSON.stringify(paper.authors),
    categories: JSON.stringify(paper.categories),
    primaryCategory: paper.primaryCategory,
    doi: paper.doi ?? null,
    journalRef: paper.journalRef ?? null,
    license: paper.license ?? null,
  };
}

/** Stays well under SQLite's limit on bound parameters per statement. */
const QUERY_CHUNK = 5_000;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Stores each paper version once, and links it to the edition. */
async function insertPapers(tx: Tx, editionId: number, items: readonly AnnouncedPaper[]) {
  for (const { paper, announceType } of items) {
    const stored = await tx.paper.upsert({
      where: { arxivId_version: { arxivId: paper.arxivId, version: paper.version } },
      create: { arxivId: paper.arxivId, version: paper.version, ...paperColumns(paper) },
      update: {},
    });
    await tx.editionPaper.create({ data: { editionId, paperId: stored.id, announceType } });
  }
}

export function createEditionStore(db: Db): EditionStore {
  return {
    async findByDate(date) {
      const row = await db.edition.findUnique({ where: { date } });
      return row ? toEdition(row) : null;
    },
    async latest() {
      const row = await db.edition.findFirst({ orderBy: { date: "desc" } });
      return row ? toEdition(row) : null;
    },
    async create(edition) {
      const row = await db.$transaction(async (tx) => {
        const created = await tx.edition.create({
          data: {
            date: edition.date,
            announcedAt: edition.announcedAt,
            categories: edition.categories.join(","),
          },
        });
        await insertPapers(tx, created.id, edition.items);
        return created;
      }, LARGE_EDITION_TRANSACTION);
      return toEdition(row);
    },
    async addPapers(editionId, categories, items) {
      const row = await db.$transaction(async (tx) => {
        const current = await tx.edition.findUniqueOrThrow({ where: { id: editionId } });
        const merged = [...new Set([...current.categories.split(","), ...categories])];
        await insertPapers(tx, editionId, items);
        return tx.edition.update({
          where: { id: editionId },
          data: { categories: merged.join(",") },
        });
      }, LARGE_EDITION_TRANSACTION);
      return toEdition(row);
    },
    async editionDatesOf(versions) {
      const dates = new Map<string, string>();
      const ids = [...new Set(versions.map((v) => v.arxivId))];
      for (let start = 0; start < ids.length; start += QUERY_CHUNK) {
        const rows = await db.paper.findMany({
          where: { arxivId: { in: ids.slice(start, start + QUERY_CHUNK) } },
          select: {
            arxivId: true,
            version: true,
            editions: { select: { edition: { select: { date: true } } } },
          },
        });
        for (const row of rows) {
          const date = row.editions.map((e) => e.edition.date).sort()[0];
          if (date) dates.set(versionKey(row.arxivId, row.version), date);
        }
      }
      return dates;
    },
    async papersOf(editionId) {
      const rows = await db.editionPaper.findMany({
        where: { editionId },
        include: { paper: { include: { translations: true } } },
        orderBy: { paperId: "asc" },
      });
      return rows.map(({ paper, announceType }) => ({
        id: paper.id,
        arxivId: paper.arxivId,
        version: paper.version,
        title: paper.title,
        abstract: paper.abstract,
        authors: JSON.parse(paper.authors) as string[],
        categories: JSON.parse(paper.categories) as string[],
        primaryCategory: paper.primaryCategory,
        doi: paper.doi ?? undefined,
        journalRef: paper.journalRef ?? undefined,
        license: paper.license ?? undefined,
        announceType,
        translations: paper.translations,
      }));
    },
    async setStatus(editionId, status) {
      await db.edition.update({ where: { id: editionId }, data: { status } });
    },
  };
}
