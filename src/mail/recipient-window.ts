import type { Recipient } from "./recipient-pages";

/** Recipients from `fromId` on (in id order, a page of them), and the last id the page covers. */
type LoadFrom = (fromId: number) => Promise<Recipient[]>;

interface Page {
  from: number;
  to: number;
  byId: Map<number, Recipient>;
}

/** Pages a sender keeps: the one it is in, and the ones its concurrent claims may still need. */
const PAGES_KEPT = 3;

/**
 * The recipients of the deliveries a sender claims, loaded a page at a time and forgotten after
 * `PAGES_KEPT` pages: claims come in delivery order, which follows subscriber order, so a run
 * over any number of subscribers holds a few pages, and costs one load per page. A claim out of
 * order (a retry come due) loads the page starting at its subscriber. Undefined: no such
 * subscriber any more (the page that starts at their id does not have them).
 */
export function recipientWindow(
  loadFrom: LoadFrom,
): (subscriberId: number) => Promise<Recipient | undefined> {
  let pages: Page[] = [];
  let loading: Promise<void> | undefined;
  const covering = (id: number) => pages.find((page) => page.from <= id && id <= page.to);
  const load = async (fromId: number) => {
    const recipients = await loadFrom(fromId);
    const last = recipients[recipients.length - 1];
    const page = {
      from: fromId,
      to: last ? last.subscriber.id : fromId,
      byId: new Map(recipients.map((r) => [r.subscriber.id, r])),
    };
    pages = [...pages.slice(1 - PAGES_KEPT), page];
  };
  return async (subscriberId) => {
    let page = covering(subscriberId);
    // Concurrent misses share one load; whoever is still not covered after it loads its own.
    while (!page) {
      loading ??= load(subscriberId).finally(() => {
        loading = undefined;
      });
      await loading;
      page = covering(subscriberId);
    }
    return page.byId.get(subscriberId);
  };
}
