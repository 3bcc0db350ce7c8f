import type { FeedValidators } from "./feed-fetcher";

interface FeedState extends FeedValidators {
  feed: string;
  lastBatchDate?: string;
}

/** Per feed: the validators for conditional GET and the batch it served last. */
export interface FeedStateStore {
  get(feed: string): Promise<FeedState | undefined>;
  save(state: FeedState): Promise<void>;
}
