import type { Logger } from "pino";
import type { FeedStateStore } from "../arxiv/feed-state";
import type { FetchOptions } from "../arxiv/fetch-edition";
import { describeIngest } from "../arxiv/fetch-edition";
import type { IngestResult } from "../arxiv/ingest-edition";
import type { DeliverOptions, DeliverResult } from "../mail/deliver-edition";
import type { DeliverySummary, EditionJob } from "./edition-runner";
import type { PollOutcome } from "./plan-next-run";

/** The use cases a scheduled run calls, bound to their ports by the composition root. */
export interface EditionJobDeps {
  fetchEdition(options: FetchOptions): Promise<IngestResult>;
  deliverEdition(options: DeliverOptions): Promise<DeliverResult>;
  /** Unconfirmed subscription requests past their time go before each send. */
  expirePending(): Promise<number>;
  feedStates: Pick<FeedStateStore, "get">;
  logger: Logger;
}

/** The scheduler's stages on the real application: fetchEdition, then deliverEdition. */
export function appEditionJob(deps: EditionJobDeps): EditionJob {
  return {
    async poll(awaited, previouslyStale, signal) {
      const result = await deps.fetchEdition({ signal });
      deps.logger.info({ awaited }, describeIngest(result));
      if (result.kind === "empty" || result.edition.date < awaited) return NOTHING_NEW;
      const date = result.edition.date;
      if (result.kind !== "already-ingested") {
        return { kind: "edition", editionDate: date, stale: result.stale.map((s) => s.feed) };
      }
      // Nothing new was stored: the feeds that lagged at the last poll may still lag (304).
      const stale: string[] = [];
      for (const feed of previouslyStale) {
        const state = await deps.feedStates.get(feed);
        if ((state?.lastBatchDate ?? "") < date) stale.push(feed);
      }
      return { kind: "edition", editionDate: date, stale };
    },
    async deliver(editionDate, signal) {
      // Requests left unconfirmed for 7 days go once a day even when nobody subscribes.
      const expired = await deps.expirePending();
      if (expired > 0) deps.logger.info({ expired }, "unconfirmed subscription requests expired");
      const { edition, translation, ...summary } = await deps.deliverEdition({
        editionDate,
        signal,
      });
      const translated: DeliverySummary = translation
        ? {
            translation_translated: translation.translated,
            translation_cached: translation.cached,
            translation_failed: translation.failed + translation.overCap,
          }
        : {};
      return { ...summary, ...translated, edition: edition.date };
    },
  };
}

const NOTHING_NEW: PollOutcome = { kind: "nothing-new" };
