/**
 * The application's error family. Each carries a stable `code` and a message a person can act
 * on; the CLI maps them to one line and exit code 1, the web server to an HTTP status.
 * Expected outcomes ("no matching papers") are returned values, not errors.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A missing or invalid setting; the message names every variable at fault. */
export class ConfigError extends AppError {
  constructor(readonly problems: string[]) {
    super("CONFIG_INVALID", problems.join("\n"));
  }
}

/** A feed that cannot be trusted as an arXiv announcement: nothing of it is stored. */
export class FeedError extends AppError {
  constructor(
    message: string,
    readonly source?: string,
  ) {
    super("FEED_INVALID", source ? `${source}: ${message}` : message);
  }
}

/** Input from a person (CLI argument, form field) that is not acceptable. */
export class InputError extends AppError {
  constructor(message: string) {
    super("INPUT_INVALID", message);
  }
}

/** Something the operator named (a subscriber, an edition) does not exist. */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super("NOT_FOUND", message);
  }
}

/**
 * An applied migration whose shipped migration.sql no longer matches the checksum recorded when
 * it ran: the database was built by other SQL than this version ships, so nothing is migrated.
 */
export class MigrationChangedError extends AppError {
  constructor(readonly migrations: string[]) {
    const named =
      migrations.length === 1
        ? `migration ${migrations[0]} was`
        : `migrations ${migrations.join(", ")} were`;
    super(
      "MIGRATION_CHANGED",
      `${named} changed after being applied to this database (migration.sql no longer matches the checksum in _prisma_migrations); restore the file as it was applied and put the change in a new migration`,
    );
  }
}

/**
 * A keyword query that does not parse. The message quotes the query and says what is wrong
 * where; `position` (0-based) and `token` let a form point at the spot.
 */
export class QuerySyntaxError extends InputError {
  constructor(
    message: string,
    readonly query: string,
    readonly position: number,
    readonly token: string,
  ) {
    super(message);
  }
}

/** What went wrong, in one line's words, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failed network request in words: "timed out", or the error's message with its cause's
 * (fetch says only "fetch failed" and keeps "ECONNREFUSED …" in `cause`).
 */
export function describeRequestFailure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timed out";
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `failed (${messageOf(error)}${cause})`;
}
