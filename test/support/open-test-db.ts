import { openDatabase, type Db } from "../../src/db/create-database";
import { databaseTarget } from "../../src/db/database-target";
import { migrateDatabase } from "../../src/db/migrate-database";
import { createTestDatabase, type TestDatabaseKind } from "./databases";

/**
 * A migrated database of its own for one test file, and a way to drop it afterwards. `connect`
 * opens another connection to it, as a second process would have (closed with the rest).
 */
export async function openTestDb(
  kind: TestDatabaseKind = "sqlite",
): Promise<{ db: Db; connect(): Promise<Db>; close(): Promise<void> }> {
  const database = createTestDatabase(kind);
  const target = databaseTarget(database.url);
  await migrateDatabase(target);
  const connections: Db[] = [];
  const connect = async () => {
    const db = await openDatabase(target);
    connections.push(db);
    return db;
  };
  return {
    db: await connect(),
    connect,
    async close() {
      for (const db of connections) await db.$disconnect();
      await database.drop();
    },
  };
}

/** A connection of the test's own to an app's database, to read or set rows no port exposes. */
export function openDatabaseAt(url: string): Promise<Db> {
  return openDatabase(databaseTarget(url));
}
