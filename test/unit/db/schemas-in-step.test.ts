import fs from "node:fs";
import path from "node:path";

const prisma = path.resolve(__dirname, "..", "..", "..", "prisma");
const models = (provider: string) => {
  const schema = fs.readFileSync(path.join(prisma, provider, "schema.prisma"), "utf8");
  return schema.slice(schema.indexOf("\n///"));
};
const migrations = (provider: string) =>
  fs
    .readdirSync(path.join(prisma, provider, "migrations"))
    .filter((name) => !name.endsWith(".toml"));

describe("the SQLite and PostgreSQL schemas move together", () => {
  it("have identical models", () => expect(models("postgresql")).toBe(models("sqlite")));
  it("have identical migration names", () =>
    expect(migrations("postgresql")).toEqual(migrations("sqlite")));
});
