import type { EditionRunRecord, RunLockStore } from "../../../src/scheduler/run-lock";

/**
 * The run table in memory, with the same claim rules as src/db/run-lock-store.ts (the contract in
 * test/support/run-lock-store-contract.ts holds both to them). Like rows read from a database,
 * the records it hands out are copies; `rows` is the live table, for tests to look into.
 */
export function memoryRunLocks(): RunLockStore & { rows: Map<string, EditionRunRecord> } {
  const rows = new Map<string, EditionRunRecord>();
  return {
    rows,
    async get(date) {
      const row = rows.get(date);
      return row ? { ...row } : null;
    },
    async acquire(date, holder, now, leaseUntil) {
      const row = rows.get(date);
      const free =
        !row || row.status === "failed" || (row.status === "running" && row.leaseUntil < now);
      if (!free) return false;
      rows.set(date, {
        editionDate: date,
        status: "running",
        holder,
        leaseUntil,
        attempts: (row?.attempts ?? 0) + 1,
        startedAt: now,
        finishedAt: null,
        detail: null,
      });
      return true;
    },
    async renew(date, holder, leaseUntil) {
      const row = rows.get(date);
      if (row?.holder !== holder || row.status !== "running") return false;
      row.leaseUntil = leaseUntil;
      return true;
    },
    async finish(date, holder, end) {
      const row = rows.get(date);
      if (row?.holder !== holder || row.status !== "running") return;
      Object.assign(row, {
        status: end.status,
        detail: end.detail,
        finishedAt: end.at,
        leaseUntil: end.at,
      });
    },
    async recent(limit) {
      return [...rows.values()]
        .sort((a, b) => b.editionDate.localeCompare(a.editionDate))
        .slice(0, limit)
        .map((row) => ({ ...row }));
    },
  };
}
