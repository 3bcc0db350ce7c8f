import type { DatabaseTarget } from "../db/database-target";
import {
  changedMigrations,
  shippedMigrations,
  type AppliedMigration,
} from "../db/shipped-migrations";
import { MigrationChangedError } from "../errors";
import type { CheckResult, Verdict } from "./check-result";

/**
 * doctor's "migrations" lines: a fail for applied migrations this version does not know, and
 * for ones it ships changed (which every command refuses); else a warn for those still to apply.
 */
export function checkMigrations(
  provider: DatabaseTarget["provider"],
  applied: readonly AppliedMigration[],
): CheckResult[] {
  const line = (verdict: Verdict, detail: string): CheckResult => ({
    check: "migrations",
    verdict,
    detail,
  });
  const shipped = shippedMigrations(provider);
  const names = shipped.map((migration) => migration.name);
  const done = new Set(applied.map((row) => row.name));
  const unknown = [...done].filter((name) => !names.includes(name));
  const changed = changedMigrations(shipped, applied);
  const problems: CheckResult[] = [];
  if (unknown.length > 0) {
    problems.push(
      line(
        "fail",
        `applied migrations this version does not know (a newer version ran here?): ${unknown.join(", ")}`,
      ),
    );
  }
  if (changed.length > 0) problems.push(line("fail", new MigrationChangedError(changed).message));
  if (problems.length > 0) return problems;
  const pending = names.filter((name) => !done.has(name));
  return [
    pending.length > 0
      ? line(
          "warn",
          `${pending.length} not applied yet (any command or "db migrate" applies them): ${pending.join(", ")}`,
        )
      : line("ok", `all ${shipped.length} applied`),
  ];
}
