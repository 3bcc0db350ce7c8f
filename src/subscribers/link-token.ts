import crypto from "node:crypto";

/** 256 random bits: far past guessing, and short enough for a link. */
const TOKEN_BYTES = 32;

/** A fresh link token and the hash that is stored instead of it. */
export function createLinkToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(TOKEN_BYTES).toString("base64url");
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
