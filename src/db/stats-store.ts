import { FEEDBACK_KINDS, type ServiceCounts, type StatsStore } from "../metrics/service-stats";
import type { Db } from "./create-database";
import { DELIVERY_STATUSES } from "../mail/delivery";
import { EDITION_STATUSES } from "../arxiv/edition";
import { SUBSCRIBER_STATUSES } from "../subscribers/subscriber";
import { zeroedCounts } from "./zeroed-counts";

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
      const ids = rows.map((r) => r.id);
      const [groups, reports] = await Promise.all([
        db.delivery.groupBy({
          by: ["editionId", "status"],
          where: { editionId: { in: ids } },
          _count: { _all: true },
        }),
        db.feedbackEvent.groupBy({
          by: ["editionId", "kind"],
          where: { editionId: { in: ids } },
          _count: { _all: true },
        }),
      ]);
      return rows.map((row) => {
        const deliveries = zeroedCounts(DELIVERY_STATUSES);
        for (const g of groups) if (g.editionId === row.id) deliveries[g.status] = g._count._all;
        const feedback = zeroedCounts(FEEDBACK_KINDS);
        for (const r of reports) {
          const kind = FEEDBACK_KINDS.find((k) => k === r.kind);
          if (r.editionId === row.id && kind) feedback[kind] = r._count._all;
        }
        return {
          date: row.date,
          status: row.status,
          announcedAt: row.announcedAt,
          papers: row._count.papers,
          deliveries,
          feedback,
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
