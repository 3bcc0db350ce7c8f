import crypto from "node:crypto";
import path from "node:path";
import util from "node:util";
import { Client } from "pg";
import { describeNeeding, type ExternalResource } from "./external-resources";
import { makeTempDir } from "./temp-dir";

const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** A database for one test file: its own SQLite file, or its own PostgreSQL schema. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export type TestDatabaseKind = "sqlite" | "postgresql";

/** The PostgreSQL server the PostgreSQL runs use, one schema per test file. */
export const POSTGRES_SERVER: ExternalResource = {
  key: "POSTGRES",
  missing: `no PostgreSQL answers at ${TEST_POSTGRES_URL}`,
  remedy: "start one there, or set TEST_POSTGRES_URL to one that answers",
  async isPresent() {
    const client = new Client({
      connectionString: TEST_POSTGRES_URL,
      connectionTimeoutMillis: 2000,
    });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  },
};

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
 * `describe.each` over SQLite and PostgreSQL (`%s` in the title names the kind). The PostgreSQL
 * run needs its server: without one it fails in CI and is skipped elsewhere (describeNeeding).
 */
export function describeEachDatabase(
  title: string,
  suite: (kind: TestDatabaseKind) => void,
  /** What else the suite needs on both databases (a Debian package, the captures). */
  needs: readonly ExternalResource[] = [],
): void {
  describeNeeding(needs, util.format(title, "sqlite"), () => suite("sqlite"));
  describeNeeding([...needs, POSTGRES_SERVER], util.format(title, "postgresql"), () =>
    suite("postgresql"),
  );
}
