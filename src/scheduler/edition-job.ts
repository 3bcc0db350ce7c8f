import { describeIngest, fetchEdition } from "../arxiv/fetch-edition";
import type { App } from "../container";
import { deliverEdition } from "../mail/deliver-edition";
import type { DeliverySummary, EditionJob } from "./edition-runner";
import type { PollOutcome } from "./plan-next-run";

/** The scheduler's stages on the real application: fetchEdition, then deliverEdition. */
export function appEditionJob(app: App): EditionJob {
  return {
    async poll(awaited, previouslyStale) {
      const result = await fetchEdition(app, {});
      app.logger.info({ awaited }, describeIngest(result));
      if (result.kind === "empty" || result.edition.date < awaited) return NOTHING_NEW;
      const date = result.edition.date;
      if (result.kind !== "already-ingested") {
        return { kind: "edition", editionDate: date, stale: result.stale.map((s) => s.feed) };
      }
      // Nothing new was stored: the feeds that lagged at the last poll may still lag (304).
      const stale: string[] = [];
      for (const feed of previouslyStale) {
        const state = await app.feedStates.get(feed);
        if ((state?.lastBatchDate ?? "") < date) stale.push(feed);
      }
      return { kind: "edition", editionDate: date, stale };
    },
    async deliver(editionDate, signal) {
      // Requests left unconfirmed for 7 days go once a day even when nobody subscribes.
      const expired = await app.subscriptions.expirePending();
      if (expired > 0) app.logger.info({ expired }, "unconfirmed subscription requests expired");
      const { edition, translation, ...summary } = await deliverEdition(app, {
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
