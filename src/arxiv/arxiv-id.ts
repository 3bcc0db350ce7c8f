/**
 * arXiv identifiers as feeds write them. A paper id is either new-style ("2501.01234", 4 or 5
 * digits after the dot since 2015) or old-style, from before April 2007 ("nlin/0408039",
 * "math.GT/0309136"); replacements of very old papers still carry old-style ids today.
 */
const BARE_ID = String.raw`(\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7})`;

// The forms in which a versioned id appears: RSS guid / Atom announcement id, API entry id or
// abs link, and the "arXiv:" header of a description or legacy title.
const VERSIONED = new RegExp(
  String.raw`^(?:oai:arXiv\.org:|https?://(?:www\.|export\.)?arxiv\.org/abs/|arXiv:)?${BARE_ID}v(\d{1,4})$`,
);
const ABS_LINK = new RegExp(
  String.raw`^https?://(?:www\.|export\.)?arxiv\.org/abs/${BARE_ID}(?:v\d{1,4})?/?$`,
);

/** A paper id with the version a feed announced. */
export interface VersionedId {
  /** Bare id without version: "2510.12815" or "nlin/0408039". */
  arxivId: string;
  /** 1 for the first version. */
  version: number;
}

/**
 * Reads a versioned id from `oai:arXiv.org:2501.01234v1`, `http://arxiv.org/abs/2501.01234v1`,
 * `arXiv:2501.01234v1` or a bare `2501.01234v1`; `undefined` for anything else, including an id
 * without a version (a feed that omits it cannot say which version it announces).
 */
export function parseVersionedId(text: string): VersionedId | undefined {
  const match = VERSIONED.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const version = Number(match[2]);
  return version >= 1 ? { arxivId: match[1], version } : undefined;
}

/** The bare id of an abs link (`https://arxiv.org/abs/2501.01234`), ignoring any version in it. */
export function idFromAbsLink(link: string): string | undefined {
  return ABS_LINK.exec(link.trim())?.[1];
}
