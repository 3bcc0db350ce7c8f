import { openDatabase } from "../../../src/db/create-database";
import { databaseTarget } from "../../../src/db/database-target";
import { migrateDatabase } from "../../../src/db/migrate-database";
import { shippedMigrations } from "../../../src/db/shipped-migrations";
import { MigrationChangedError } from "../../../src/errors";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { runCliWith } from "../../support/run-cli";
import { makeTempDir } from "../../support/temp-dir";

jest.setTimeout(60_000);

describeEachDatabase("an applied migration changed since (%s)", (kind) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const changed = shippedMigrations(kind)[1]?.name ?? "";
  const pending = shippedMigrations(kind).at(-1)?.name ?? "";

  /** Runs SQL against the test database through the app's own client. */
  async function query(sql: string): Promise<unknown[]> {
    const db = await openDatabase(databaseTarget(database.url));
    try {
      return await db.$queryRawUnsafe<unknown[]>(sql);
    } finally {
      await db.$disconnect();
    }
  }
  const recorded = (name: string) =>
    query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '${name}'`);

  beforeAll(async () => {
    database = createTestDatabase(kind);
    env = { DATABASE_URL: database.url, MAIL_OUTBOX_DIR: makeTempDir() };
    await migrateDatabase(databaseTarget(database.url));
    // As if the shipped file of an applied migration had been edited since it ran, and a later
    // migration were still to apply.
    await query(
      `UPDATE "_prisma_migrations" SET checksum = '${"0".repeat(64)}' WHERE migration_name = '${changed}'`,
    );
    await query(`DELETE FROM "_prisma_migrations" WHERE migration_name = '${pending}'`);
  });

  afterAll(() => database.drop());

  it("is refused at start, naming the migration, and nothing is applied", async () => {
    const refusal = await migrateDatabase(databaseTarget(database.url)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MigrationChangedError);
    expect((refusal as MigrationChangedError).migrations).toEqual([changed]);
    const run = await runCliWith(env, "subscriber", "list");
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `error: migration ${changed} was changed after being applied to this database (migration.sql no longer matches the checksum in _prisma_migrations); restore the file as it was applied and put the change in a new migration`,
    );
    expect(await recorded(pending)).toHaveLength(0);
  });

  it("is a failed doctor line", async () => {
    const run = await runCliWith(env, "doctor", "--offline");
    expect(run.code).toBe(1);
    expect(run.out).toMatch(
      new RegExp(`^fail {2}migrations +migration ${changed} was changed after being applied`, "m"),
    );
    expect(run.err).toMatch(/error: 1 check\(s\) failed/);
  });
});
