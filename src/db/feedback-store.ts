import type { FeedbackStore } from "../inbound/feedback";
import type { Db } from "./create-database";
import { isUniqueViolation } from "./unique-violation";

export function createFeedbackStore(db: Db): FeedbackStore {
  return {
    async recipientOfDelivery(deliveryId) {
      const row = await db.delivery.findUnique({
        where: { id: deliveryId },
        select: { editionId: true, subscriber: { select: { id: true, email: true } } },
      });
      return row
        ? {
            subscriberId: row.subscriber.id,
            email: row.subscriber.email,
            deliveryId,
            editionId: row.editionId,
          }
        : null;
    },
    async recipientByEmail(email) {
      const row = await db.subscriber.findUnique({
        where: { email },
        select: {
          id: true,
          deliveries: {
            where: { status: "sent" },
            orderBy: { sentAt: "desc" },
            take: 1,
            select: { id: true, editionId: true },
          },
        },
      });
      if (!row) return null;
      const latest = row.deliveries[0];
      return { subscriberId: row.id, email, deliveryId: latest?.id, editionId: latest?.editionId };
    },
    async record(event) {
      try {
        await db.feedbackEvent.create({
          data: {
            eventKey: event.eventKey,
            kind: event.kind,
            source: event.source,
            email: event.email,
            deliveryId: event.deliveryId ?? null,
            editionId: event.editionId ?? null,
            status: event.status ?? null,
            detail: event.detail.slice(0, 500),
          },
        });
        return "new";
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const known = await db.feedbackEvent.findUnique({
        where: { eventKey: event.eventKey },
        select: { appliedAt: true },
      });
      return known?.appliedAt ? "done" : "pending";
    },
    async markApplied(eventKey) {
      await db.feedbackEvent.update({ where: { eventKey }, data: { appliedAt: new Date() } });
    },
  };
}
