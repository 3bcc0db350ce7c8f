import { ConfigError } from "../errors";

/** Where the data lives, decided once from DATABASE_URL's scheme. */
export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string; schema?: string };

/** Reads the provider (and the PostgreSQL schema from `?schema=`) out of a DATABASE_URL. */
export function databaseTarget(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const schema = new URL(url).searchParams.get("schema") ?? undefined;
    if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
      throw new ConfigError([
        `DATABASE_URL is invalid: expected a plain schema name (got "${schema}")`,
      ]);
    }
    return { provider: "postgresql", url, schema };
  }
  return { provider: "sqlite", url, file: url.replace(/^file:/, "") };
}
