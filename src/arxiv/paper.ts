/** How a paper appears in an announcement (arXiv's `arxiv:announce_type`). */
export type AnnounceType = "new" | "cross" | "replace" | "replace_cross";

/** One version of one arXiv paper, as parsed from a feed. Text fields are plain text, never HTML. */
export interface Paper {
  /** Bare id without version: "2510.12815", or old-style "nlin/0408039". */
  arxivId: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  /** Category codes, primary first. */
  categories: string[];
  primaryCategory: string;
  doi?: string;
  journalRef?: string;
  license?: string;
}

/** A paper as one feed announced it. */
export interface AnnouncedPaper {
  paper: Paper;
  announceType: AnnounceType;
}

/** Links to a paper's pages on arXiv (the feed gives only the abs link; the others follow from the id). */
export function paperLinks(arxivId: string): { abs: string; pdf: string; html: string } {
  return {
    abs: `https://arxiv.org/abs/${arxivId}`,
    pdf: `https://arxiv.org/pdf/${arxivId}`,
    html: `https://arxiv.org/html/${arxivId}`,
  };
}

/** Key of one paper version, e.g. "2510.12815v1". */
export function versionKey(arxivId: string, version: number): string {
  return `${arxivId}v${version}`;
}
