import type { EditionRunRecord, RunLockStore } from "../scheduler/run-lock";
import type { RunStatus } from "../scheduler/plan-next-run";
import type { Db } from "./create-database";
import { isUniqueViolation } from "./unique-violation";

type Row = Awaited<ReturnType<Db["editionRun"]["findFirstOrThrow"]>>;

function toRecord(row: Row): EditionRunRecord {
  return { ...row, status: row.status as RunStatus };
}

/**
 * The EditionRun table. A claim is an insert (the primary key lets one process win), or for an
 * existing row a conditional update on status and lease: both are atomic on SQLite and
 * PostgreSQL alike, so no explicit row lock is needed.
 */
export function createRunLockStore(db: Db): RunLockStore {
  return {
    async get(editionDate) {
      const row = await db.editionRun.findUnique({ where: { editionDate } });
      return row ? toRecord(row) : null;
    },
    async acquire(editionDate, holder, now, leaseUntil) {
      try {
        await db.editionRun.create({
          data: { editionDate, status: "running", holder, leaseUntil, startedAt: now },
        });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const { count } = await db.editionRun.updateMany({
        where: {
          editionDate,
          OR: [{ status: "failed" }, { status: "running", leaseUntil: { lt: now } }],
        },
        data: {
          status: "running",
          holder,
          leaseUntil,
          startedAt: now,
          finishedAt: null,
          detail: null,
          attempts: { increment: 1 },
        },
      });
      return count === 1;
    },
    async renew(editionDate, holder, leaseUntil) {
      const { count } = await db.editionRun.updateMany({
        where: { editionDate, holder, status: "running" },
        data: { leaseUntil },
      });
      return count === 1;
    },
    async finish(editionDate, holder, end) {
      await db.editionRun.updateMany({
        where: { editionDate, holder, status: "running" },
        data: { status: end.status, detail: end.detail, finishedAt: end.at, leaseUntil: end.at },
      });
    },
    async recent(limit) {
      const rows = await db.editionRun.findMany({ orderBy: { editionDate: "desc" }, take: limit });
      return rows.map(toRecord);
    },
  };
}
