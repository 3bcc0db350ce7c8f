import path from "node:path";
import Database from "better-sqlite3";
import { runCliWith } from "../../support/run-cli";
import { makeTempDir } from "../../support/temp-dir";

describe("arxiv-digest db backup", () => {
  it("copies the SQLite database into a file that opens with every row, and never overwrites", async () => {
    const dir = makeTempDir();
    const env = { DATABASE_URL: `file:${path.join(dir, "live.db")}` };
    await runCliWith(env, "subscriber", "add", "ada@example.org", "-k", "rl", "--confirmed");
    const copy = path.join(dir, "copy.db");
    const run = await runCliWith(env, "db", "backup", copy);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^backed up .*live\.db to .*copy\.db \(\d+ bytes\)$/);
    const restored = new Database(copy, { readonly: true });
    expect(restored.prepare(`SELECT email FROM "Subscriber"`).all()).toEqual([
      { email: "ada@example.org" },
    ]);
    restored.close();
    const again = await runCliWith(env, "db", "backup", copy);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/copy\.db exists already/);
    const nowhere = await runCliWith(env, "db", "backup", path.join(dir, "missing", "x.db"));
    expect(nowhere.err).toMatch(/^error: cannot write .*missing\/x\.db: /);
  });

  it("points a PostgreSQL operator to pg_dump", async () => {
    const run = await runCliWith(
      { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test" },
      "db",
      "backup",
      path.join(makeTempDir(), "x.db"),
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/pg_dump/);
  });
});
