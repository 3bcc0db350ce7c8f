import type { EditionStore } from "../arxiv/edition";
import type { Subscriber } from "../subscribers/subscriber";
import type { EditionContentCache } from "./edition-content-cache";

/** What the latest edition would have sent a subscriber: per query, the titles. */
export interface DigestPreview {
  editionDate: string;
  paperCount: number;
  sections: { query: string; titles: string[] }[];
}

/** Previews for the manage page, from the latest edition with the subscriber's current keywords. */
export function createDigestPreviewer(
  deps: { editions: Pick<EditionStore, "latest">; settings: { maxPapers: number } },
  contentOf: EditionContentCache,
) {
  return async (subscriber: Subscriber): Promise<DigestPreview | undefined> => {
    if (subscriber.keywords.length === 0) return undefined;
    const edition = await deps.editions.latest();
    if (!edition) return undefined;
    const content = await contentOf(edition);
    const digest = content.digestFor(
      { ...subscriber, status: "active" },
      { maxPapers: deps.settings.maxPapers, now: new Date() },
    );
    return {
      editionDate: edition.date,
      paperCount: digest?.uniquePaperCount ?? 0,
      sections: (digest?.sections ?? []).map((section) => ({
        query: section.query,
        titles: section.papers.map((paper) => paper.title),
      })),
    };
  };
}
