import type { DeliveryStatus, DeliveryStore } from "./delivery";
import type { EditionStore } from "../arxiv/edition";
import type { Subscriber } from "../subscribers/subscriber";
import type { EditionContent } from "../digest/edition-content";

/**
 * Writes one queued delivery for every active subscriber whose keywords match the edition.
 * Safe to repeat: existing deliveries are kept, and a subscriber who joined since is added.
 * A subscriber with no matching paper gets no delivery, hence no mail.
 */
export async function prepareDeliveries(
  stores: {
    deliveries: Pick<DeliveryStore, "createMissing">;
    editions: Pick<EditionStore, "setStatus">;
  },
  content: EditionContent,
  subscribers: readonly Subscriber[],
  options: {
    maxPapers: number;
    now: Date;
    /** The edition's deliveries as they are (DeliveryStore.statusBySubscriber). */
    existing: ReadonlyMap<number, DeliveryStatus>;
  },
): Promise<{ recipients: number; created: number }> {
  // A subscriber with a delivery already matched when it was written: no digest is built again
  // (10,000 of them cost seconds and tens of MB on every re-run of `send`).
  const have = options.existing;
  const active = subscribers.filter((s) => s.status === "active");
  const newcomers = active
    .filter((s) => !have.has(s.id) && content.digestFor(s, options) !== null)
    .map((s) => s.id);
  const created = await stores.deliveries.createMissing(content.edition.id, newcomers);
  const recipients = active.filter((s) => have.has(s.id)).length + newcomers.length;
  if (content.edition.status === "ingested") {
    await stores.editions.setStatus(content.edition.id, "prepared");
  }
  return { recipients, created };
}
