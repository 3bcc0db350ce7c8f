import type { Suppression, SuppressionStore } from "../subscribers/suppression";
import type { Db } from "./create-database";
import { isUniqueViolation } from "./unique-violation";

type Row = { email: string; reason: string; detail: string | null; createdAt: Date };

function toSuppression(row: Row): Suppression {
  return { ...row, reason: row.reason === "complaint" ? "complaint" : "bounce" };
}

export function createSuppressionStore(db: Db): SuppressionStore {
  return {
    async suppress(email, reason, detail) {
      try {
        await db.suppression.create({
          data: { email, reason, detail: detail?.slice(0, 500) ?? null },
        });
      } catch (error) {
        // Already suppressed: the first reason stands.
        if (!isUniqueViolation(error)) throw error;
      }
    },
    async find(email) {
      const row = await db.suppression.findUnique({ where: { email } });
      return row ? toSuppression(row) : null;
    },
    async list() {
      const rows = await db.suppression.findMany({ orderBy: { createdAt: "asc" } });
      return rows.map(toSuppression);
    },
    async remove(email) {
      const { count } = await db.suppression.deleteMany({ where: { email } });
      return count > 0;
    },
  };
}
