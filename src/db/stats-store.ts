import type { Db } from "./create-database";
import { DELIVERY_STATUSES, type DeliveryStatus } from "./delivery-store";
import { EDITION_STATUSES, type EditionStatus } from "./edition-store";
import { SUBSCRIBER_STATUSES, type SubscriberStatus } from "./subscriber-store";
import { zeroedCounts } from "./zeroed-counts";

/** One edition as the operator sees it in `editions list` and `stats`. */
export interface EditionSummary {
  date: string;
  status: EditionStatus;
  announcedAt: Date;
  papers: number;
  deliveries: Record<DeliveryStatus, number>;
}

/** Counts over the whole service, for `stats` and `/metrics`. */
interface ServiceCounts {
  subscribers: Record<SubscriberStatus, number>;
  deliveries: Record<DeliveryStatus, number>;
  editions: Record<EditionStatus, number>;
  /** Stored translations (the cache): each paper version and language translated once. */
  translations: { stored: number; byProvider: Record<string, number> };
}

/** One subscriber's digest of one edition. */
interface SubscriberDigest {
  editionDate: string;
  status: DeliveryStatus;
  sentAt: Date | null;
  papers: number;
}

/** Read-only counts for the operator; one grouped query per table. */
export interface StatsStore {
  counts(): Promise<ServiceCounts>;
  latestEditions(limit: number): Promise<EditionSummary[]>;
  /** A subscriber's latest digests, newest edition first. */
  deliveriesOf(subscriberId: number, limit: number): Promise<SubscriberDigest[]>;
}

export function createStatsStore(db: Db): StatsStore {
  return {
    async counts() {
      const [subscribers, deliveries, editions, translations] = await Promise.all([
        db.subscriber.groupBy({ by: ["status"], _count: { _all: true } }),
        db.delivery.groupBy({ by: ["status"], _count: { _all: true } }),
        db.edition.groupBy({ by: ["status"], _count: { _all: true } }),
        db.translation.groupBy({ by: ["provider"], _count: { _all: true } }),
      ]);
      const result: ServiceCounts = {
        subscribers: zeroedCounts(SUBSCRIBER_STATUSES),
        deliveries: zeroedCounts(DELIVERY_STATUSES),
        editions: zeroedCounts(EDITION_STATUSES),
        translations: { stored: 0, byProvider: {} },
      };
      for (const g of subscribers) result.subscribers[g.status] = g._count._all;
      for (const g of deliveries) result.deliveries[g.status] = g._count._all;
      for (const g of editions) result.editions[g.status] = g._count._all;
      for (const g of translations) {
        result.translations.byProvider[g.provider] = g._count._all;
        result.translations.stored += g._count._all;
      }
      return result;
    },
    async latestEditions(limit) {
      const rows = await db.edition.findMany({
        orderBy: { date: "desc" },
        take: limit,
        include: { _count: { select: { papers: true } } },
      });
      const groups = await db.delivery.groupBy({
        by: ["editionId", "status"],
        where: { editionId: { in: rows.map((r) => r.id) } },
        _count: { _all: true },
      });
      return rows.map((row) => {
        const deliveries = zeroedCounts(DELIVERY_STATUSES);
        for (const g of groups) if (g.editionId === row.id) deliveries[g.status] = g._count._all;
        return {
          date: row.date,
          status: row.status,
          announcedAt: row.announcedAt,
          papers: row._count.papers,
          deliveries,
        };
      });
    },
    async deliveriesOf(subscriberId, limit) {
      const rows = await db.delivery.findMany({
        where: { subscriberId },
        orderBy: { edition: { date: "desc" } },
        take: limit,
        select: {
          status: true,
          sentAt: true,
          paperCount: true,
          edition: { select: { date: true } },
        },
      });
      return rows.map((r) => ({
        editionDate: r.edition.date,
        status: r.status,
        sentAt: r.sentAt,
        papers: r.paperCount,
      }));
    },
  };
}
