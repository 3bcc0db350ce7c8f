/** A paper as a digest shows it: plain text fields, never HTML. */
export interface DigestPaper {
  arxivId: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  /** "Information Retrieval (cs.IR)", primary first. */
  subjects: string[];
  links: { abs: string; pdf: string; html: string };
  /** Chinese title and abstract, when a translation exists, with its one-line summary if any. */
  translation?: { title: string; abstract: string; summary?: string };
  /**
   * In a section: what the section's query found in this paper, as the paper writes it
   * ("Diffusion Policies", "cs.RO", an author's name), for the renderer to highlight. Match these
   * on word boundaries in the title, abstract, author and subject lines. Absent when the digest
   * was built without highlighting.
   */
  matchedTerms?: readonly string[];
}

/** One keyword query and the papers it matched, in edition order, each with its matched terms. */
interface DigestSection {
  query: string;
  papers: DigestPaper[];
}

/** Everything one subscriber's mail for one edition says. */
export interface Digest {
  editionDate: string;
  announcedAt: Date;
  generatedAt: Date;
  recipient: { email: string; timeZone: string };
  sections: DigestSection[];
  /** Papers counted once, however many queries they match. */
  uniquePaperCount: number;
  /** Matching papers left out by the per-digest cap (DIGEST_MAX_PAPERS). */
  omittedPaperCount: number;
  /**
   * At least one paper is shown without its Chinese translation: "pending" while a translator
   * may still provide it, "off" with no translator configured (nothing is coming).
   */
  missingTranslations: false | "pending" | "off";
  /**
   * The Chinese the translations are written in: the subscriber's choice, zh-TW being converted
   * from the stored zh-CN. Set by EditionContent after buildDigest; zh-CN when absent.
   */
  language?: DigestLanguage;
}

/** The Chinese variants a digest can be written in. */
export type DigestLanguage = "zh-CN" | "zh-TW";
