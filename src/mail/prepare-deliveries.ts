import type { DeliveryStatus, DeliveryStore } from "./delivery";
import type { EditionStore } from "../arxiv/edition";
import { countReaders, type EditionContent } from "../digest/edition-content";
import type { Recipient } from "./recipient-pages";

/** A delivery in one of these states will not be sent again (unless forced). */
export const SETTLED: ReadonlySet<DeliveryStatus> = new Set(["sent", "failed", "uncertain"]);

/** What preparing found: matching subscribers, deliveries created, papers to translate. */
export interface Prepared {
  recipients: number;
  created: number;
  /** Of the digests still to send, readers by arXiv id (EditionContent.papersShownTo). */
  readers: Map<string, number>;
}

/**
 * Writes one queued delivery for every active subscriber whose keywords match the edition, a
 * page of recipients at a time, and counts the papers the digests still to send will show.
 * Safe to repeat: existing deliveries are kept, and a subscriber who joined since is added.
 * A subscriber with no matching paper gets no delivery, hence no mail.
 */
export async function prepareDeliveries(
  stores: {
    deliveries: Pick<DeliveryStore, "createMissing">;
    editions: Pick<EditionStore, "setStatus">;
  },
  content: EditionContent,
  pages: AsyncIterable<Recipient[]>,
  options: { maxPapers: number; now: Date },
): Promise<Prepared> {
  const prepared: Prepared = { recipients: 0, created: 0, readers: new Map() };
  for await (const page of pages) {
    const newcomers: number[] = [];
    for (const { subscriber, status, mailedBefore } of page) {
      if (subscriber.status !== "active") continue;
      if (status !== undefined) prepared.recipients += 1;
      // A settled digest is neither built nor translated for again: a re-run of a mailed
      // edition costs one read per page.
      if (status !== undefined && SETTLED.has(status)) continue;
      const digest = content.digestFor(subscriber, options, mailedBefore);
      if (!digest) continue;
      countReaders(prepared.readers, digest);
      if (status === undefined) newcomers.push(subscriber.id);
    }
    prepared.recipients += newcomers.length;
    prepared.created += await stores.deliveries.createMissing(content.edition.id, newcomers);
  }
  if (content.edition.status === "ingested") {
    await stores.editions.setStatus(content.edition.id, "prepared");
  }
  return prepared;
}
