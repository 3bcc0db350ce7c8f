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

/** A text in Chinese and in English, in the order the pages show them. */
export type Wording = readonly [zh: string, en: string];

/**
 * Input from a person (CLI argument, form field) that is not acceptable. `zh` says the same in
 * Chinese where the check that refuses it wrote one, so the pages show both without translating.
 */
export class InputError extends AppError {
  constructor(
    message: string,
    readonly zh?: string,
  ) {
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
    zh: string,
  ) {
    super(message, zh);
  }
}

/** The database named by DATABASE_URL does not answer or refuses us (down, wrong login, no such database). */
export class DatabaseUnavailableError extends AppError {
  constructor(where: string, reason: string) {
    super(
      "DATABASE_UNAVAILABLE",
      `cannot use the database at ${where} (DATABASE_URL): ${reason}; check that it runs and that the URL's user, password and database are right`,
    );
  }
}

/**
 * A URL, or any text holding one, with the user info (`user:password@`) replaced by `***@`: for
 * messages that name a setting such as SMTP_URL or DATABASE_URL without leaking its password.
 */
export function redactUserInfo(text: string): string {
  // Greedy up to the last "@": a password may hold an unencoded "@" or "/".
  return text.replace(/(\/\/)\S*@/g, "$1***@");
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  ENOSPC: "the disk is full",
  EROFS: "the file system is read-only",
};

/** Why a file named by a person could not be read or written, in words (ENOENT: "no such file …"). */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && FILE_PROBLEMS[code]) ?? code ?? messageOf(error);
}

/** What went wrong, in one line's words, whatever was thrown. */
export function messageOf(error: unknown): string {
  // Not `instanceof Error`: an error made in another realm (a VM context, a worker) is one too.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
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
