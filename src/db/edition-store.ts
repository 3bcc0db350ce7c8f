import type { AnnounceType, AnnouncedPaper, Paper } from "../arxiv/paper";
import type { Db } from "./create-database";

export type EditionStatus = "ingested" | "prepared" | "sent";

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

export interface NewEdition {
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
        for (const { paper, announceType } of edition.items) {
          const stored = await tx.paper.upsert({
            where: { arxivId_version: { arxivId: paper.arxivId, version: paper.version } },
            create: { arxivId: paper.arxivId, version: paper.version, ...paperColumns(paper) },
            update: {},
          });
          await tx.editionPaper.create({
            data: { editionId: created.id, paperId: stored.id, announceType },
          });
        }
        return created;
      }, LARGE_EDITION_TRANSACTION);
      return toEdition(row);
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
