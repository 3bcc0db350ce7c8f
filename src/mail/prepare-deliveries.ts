import type { DeliveryStore } from "../db/delivery-store";
import type { EditionStore } from "../db/edition-store";
import type { Subscriber } from "../db/subscriber-store";
import type { EditionContent } from "../digest/edition-content";

/**
 * Writes one queued delivery for every active subscriber whose keywords match the edition.
 * Safe to repeat: existing deliveries are kept, and a subscriber who joined since is added.
 * A subscriber with no matching paper gets no delivery, hence no mail.
 */
export async function prepareDeliveries(
  stores: { deliveries: DeliveryStore; editions: EditionStore },
  content: EditionContent,
  subscribers: readonly Subscriber[],
  options: { maxPapers: number; now: Date },
): Promise<{ recipients: number; created: number }> {
  const recipients = subscribers
    .filter((s) => s.status === "active" && content.digestFor(s, options) !== null)
    .map((s) => s.id);
  const created = await stores.deliveries.createMissing(content.edition.id, recipients);
  if (content.edition.status === "ingested") {
    await stores.editions.setStatus(content.edition.id, "prepared");
  }
  return { recipients: recipients.length, created };
}
