import type { FeedValidators } from "../arxiv/feed-fetcher";
import type { Db } from "./create-database";

interface FeedState extends FeedValidators {
  feed: string;
  lastBatchDate?: string;
}

/** Per feed: the validators for conditional GET and the batch it served last. */
export interface FeedStateStore {
  get(feed: string): Promise<FeedState | undefined>;
  save(state: FeedState): Promise<void>;
}

export function createFeedStateStore(db: Db): FeedStateStore {
  return {
    async get(feed) {
      const row = await db.feedState.findUnique({ where: { feed } });
      if (!row) return undefined;
      return {
        feed,
        etag: row.etag ?? undefined,
        lastModified: row.lastModified ?? undefined,
        lastBatchDate: row.lastBatchDate ?? undefined,
      };
    },
    async save(state) {
      const data = {
        etag: state.etag ?? null,
        lastModified: state.lastModified ?? null,
        lastBatchDate: state.lastBatchDate ?? null,
      };
      await db.feedState.upsert({
        where: { feed: state.feed },
        create: { feed: state.feed, ...data },
        update: data,
      });
    },
  };
}
