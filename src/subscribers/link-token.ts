import crypto from "node:crypto";

/** 256 random bits: far past guessing, and short enough for a link. */
const TOKEN_BYTES = 32;

/**
 * Tokens drawn from the CSPRNG at a time. `send` makes one token per message, and one call for
 * 32 bytes costs about as much as one for 4 KB; each byte is still used once only.
 */
const POOLED_TOKENS = 128;
let pool = Buffer.alloc(0);
let used = 0;

/** A fresh link token and the hash that is stored instead of it. */
export function createLinkToken(): { token: string; hash: string } {
  if (used + TOKEN_BYTES > pool.length) {
    pool = crypto.randomBytes(TOKEN_BYTES * POOLED_TOKENS);
    used = 0;
  }
  const token = pool.subarray(used, used + TOKEN_BYTES).toString("base64url");
  used += TOKEN_BYTES;
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Compares a presented token with a stored hash in constant time. */
export function linkTokenMatches(token: string, storedHash: string | null | undefined): boolean {
  if (!storedHash || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const presented = Buffer.from(hashLinkToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && crypto.timingSafeEqual(presented, stored);
}
