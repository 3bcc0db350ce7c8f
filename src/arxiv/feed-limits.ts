/**
 * Bounds on what one feed may hold. A feed is input from outside (docs/architecture.md, "Input from
 * outside"): a document or item count past these is refused as a whole with a FeedError; a text
 * field past its bound is cut with "…", because a single overlong abstract should not cost the
 * day's edition. Each bound is well above anything arXiv has served: the largest daily category
 * feeds hold a few thousand items (the 1 MB cs.LG capture has 541), arXiv caps abstracts at 1,920
 * characters, and the largest collaborations list about 3,000 authors.
 */
export const FEED_LIMITS = {
  /** A download or feed file past this is refused as it is read, never held whole. */
  maxDocumentBytes: 64 * 1024 * 1024,
  maxDocumentChars: 64 * 1024 * 1024,
  maxItems: 20_000,
  maxTitleChars: 1_000,
  maxAbstractChars: 10_000,
  maxAuthors: 10_000,
  maxAuthorChars: 1_000,
  maxCategories: 20,
  maxDoiChars: 300,
  maxJournalRefChars: 1_000,
  maxLicenseChars: 300,
} as const;
