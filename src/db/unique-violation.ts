/** Prisma's code for a unique constraint that refused an insert. */
const UNIQUE_VIOLATION = "P2002";

/**
 * Whether a Prisma write failed only because the row exists: the loser of a race to insert the
 * same key, which the stores treat as "someone else did it" rather than as a failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}
