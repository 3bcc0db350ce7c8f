import type { EditionContent } from "../digest/edition-content";
import type { Subscriber, SubscriberStore } from "../subscribers/subscriber";
import type { DeliveryStatus, DeliveryStore } from "./delivery";

/** A subscriber as one edition's send sees them: their delivery (if any), what they already had. */
export interface Recipient {
  subscriber: Subscriber;
  /** Their delivery of this edition; undefined when they have none yet. */
  status?: DeliveryStatus;
  /** Papers of this edition mailed to them in an earlier one (never mailed twice). */
  mailedBefore: ReadonlySet<string>;
}

type RecipientDeps = {
  deliveries: Pick<DeliveryStore, "statusBySubscriber" | "mailedElsewhere">;
};

const NONE: ReadonlySet<string> = new Set();

/**
 * Completes pages of subscribers (in id order) with what the edition's send needs to know of
 * each. Both lookups bind the page's first and last id, not one variable per subscriber.
 */
export async function* recipientPages(
  deps: RecipientDeps,
  content: EditionContent,
  pages: AsyncIterable<Subscriber[]>,
): AsyncGenerator<Recipient[]> {
  for await (const page of pages) {
    const first = page[0];
    const last = page[page.length - 1];
    if (!first || !last) continue;
    yield recipientsOf(deps, content, page, { from: first.id, to: last.id });
  }
}

/** `page`'s subscribers as recipients; `range` covers their ids. */
export async function recipientsOf(
  deps: RecipientDeps,
  content: EditionContent,
  page: readonly Subscriber[],
  range: { from: number; to: number },
): Promise<Recipient[]> {
  const editionId = content.edition.id;
  const [statuses, mailed] = await Promise.all([
    deps.deliveries.statusBySubscriber(editionId, range),
    deps.deliveries.mailedElsewhere(editionId, content.arxivIds, range),
  ]);
  return page.map((subscriber) => ({
    subscriber,
    status: statuses.get(subscriber.id),
    mailedBefore: mailed.get(subscriber.id) ?? NONE,
  }));
}

/**
 * The page of recipients whose digest of the edition is still to be sent (queued or being sent),
 * from subscriber `fromId` on: what a sender loads when it claims a delivery it has no page for.
 */
export async function recipientsToSendFrom(
  deps: RecipientDeps & { subscribers: Pick<SubscriberStore, "pages"> },
  content: EditionContent,
  fromId: number,
): Promise<Recipient[]> {
  const pages = deps.subscribers.pages({ toBeSentIn: content.edition.id, fromId });
  for await (const page of pages) {
    const last = page[page.length - 1];
    if (last) return recipientsOf(deps, content, page, { from: fromId, to: last.id });
  }
  return [];
}

/** One known subscriber as a page. */
export async function* onePage(subscriber: Subscriber): AsyncGenerator<Subscriber[]> {
  yield [subscriber];
}
