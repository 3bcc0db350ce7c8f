import type { AnnounceType, AnnouncedPaper, Paper } from "./paper";

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
  /** `summary` is null where none was written (check-summary.ts, TRANSLATOR_SUMMARY). */
  translations: { language: string; title: string; abstract: string; summary?: string | null }[];
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
