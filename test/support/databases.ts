import crypto from "node:crypto";
import path from "node:path";
import { Client } from "pg";
import { makeTempDir } from "./temp-dir";

export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** A database for one test file: its own SQLite file, or its own PostgreSQL schema. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export type TestDatabaseKind = "sqlite" | "postgresql";

export async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export function createTestDatabase(kind: TestDatabaseKind): TestDatabase {
  if (kind === "sqlite") {
    return { url: `file:${path.join(makeTempDir(), "test.db")}`, drop: async () => undefined };
  }
  const schema = `test_${crypto.randomBytes(6).toString("hex")}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/**
 * The database kinds to run a suite on: SQLite always; PostgreSQL where a server answers
 * (decided once by test/integration/global-setup.ts, which prints a notice when none does).
 */
export function databaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_POSTGRES_AVAILABLE === "1" ? ["sqlite", "postgresql"] : ["sqlite"];
}
