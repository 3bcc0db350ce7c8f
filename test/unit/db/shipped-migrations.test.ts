import crypto from "node:crypto";
import { changedMigrations, shippedMigrations } from "../../../src/db/shipped-migrations";

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

describe("changedMigrations", () => {
  const migration = (name: string, sql: string) => ({ name, sql, checksum: sha256(sql) });
  const shipped = [migration("1_init", "CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n")];

  it("finds an applied migration whose file no longer matches its checksum", () => {
    expect(changedMigrations(shipped, [{ name: "1_init", checksum: sha256("other") }])).toEqual([
      "1_init",
    ]);
    expect(
      changedMigrations(shipped, [{ name: "1_init", checksum: shipped[0]!.checksum }]),
    ).toEqual([]);
  });

  it("ignores line endings, as Prisma does, and migrations this version does not ship", () => {
    const crlf = "CREATE TABLE a (x INT);\r\nCREATE TABLE b (y INT);\r\n";
    expect(changedMigrations(shipped, [{ name: "1_init", checksum: sha256(crlf) }])).toEqual([]);
    expect(changedMigrations([migration("1_init", crlf)], [{ ...shipped[0]! }])).toEqual([]);
    expect(changedMigrations(shipped, [{ name: "2_newer", checksum: "x" }])).toEqual([]);
  });

  it("reads each shipped migration with the checksum Prisma records", () => {
    const [first] = shippedMigrations("sqlite");
    expect(first?.checksum).toBe(sha256(first?.sql ?? ""));
    expect(first?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});
