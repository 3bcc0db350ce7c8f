import crypto from "node:crypto";
import type { MailgunWebhookSettings } from "./webhook-settings";

/** How far a signature's timestamp may be from our clock: older ones are refused as stale. */
const MAILGUN_SIGNATURE_WINDOW_MS = 5 * 60_000;

/** The `signature` object Mailgun posts with each event. */
export interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}

/** Why a signature is refused, or that it holds. */
export type MailgunSignatureCheck = { ok: true } | { ok: false; detail: string };

/**
 * Checks Mailgun's signatures: HMAC-SHA-256, under the webhook signing key, of the timestamp
 * followed by the token, in hex. A signature older (or further ahead) than five minutes is
 * refused, and so is a token already taken within that window, so a request someone recorded
 * cannot be played again. Tokens are remembered in memory only as long as they could pass.
 */
export class MailgunSignatures {
  private readonly taken = new Map<string, number>();

  constructor(
    private readonly settings: MailgunWebhookSettings,
    private readonly now: () => number = Date.now,
  ) {}

  check(signature: MailgunSignature): MailgunSignatureCheck {
    const expected = crypto
      .createHmac("sha256", this.settings.signingKey)
      .update(signature.timestamp + signature.token)
      .digest();
    const given = Buffer.from(signature.signature, "hex");
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      return { ok: false, detail: "wrong signature" };
    }
    const signedAt = Number(signature.timestamp) * 1000;
    if (
      !Number.isFinite(signedAt) ||
      Math.abs(this.now() - signedAt) > MAILGUN_SIGNATURE_WINDOW_MS
    ) {
      return { ok: false, detail: "stale signature (timestamp more than 5 minutes off)" };
    }
    this.forgetExpired();
    if (this.taken.has(signature.token)) return { ok: false, detail: "replayed token" };
    return { ok: true };
  }

  /** The request signed with this token was handled: the token cannot pass again. */
  take(signature: MailgunSignature): void {
    const signedAt = Number(signature.timestamp) * 1000;
    this.taken.set(signature.token, signedAt + MAILGUN_SIGNATURE_WINDOW_MS);
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, until] of this.taken) if (until < now) this.taken.delete(token);
  }
}
