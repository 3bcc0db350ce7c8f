import crypto from "node:crypto";
import { MailgunSignatures } from "../../../../src/inbound/webhooks/mailgun-signatures";

const KEY = "key-for-the-test";
const NOW = 1_764_600_000_000;

function signed(timestamp: number, token = crypto.randomBytes(25).toString("hex"), key = KEY) {
  const signature = crypto.createHmac("sha256", key).update(`${timestamp}${token}`).digest("hex");
  return { timestamp: String(timestamp), token, signature };
}

describe("MailgunSignatures", () => {
  let now = NOW;
  const signatures = new MailgunSignatures({ signingKey: KEY }, () => now);

  it("takes a signature made with the key within five minutes either way", () => {
    expect(signatures.check(signed(NOW / 1000))).toEqual({ ok: true });
    expect(signatures.check(signed(NOW / 1000 - 299))).toEqual({ ok: true });
    expect(signatures.check(signed(NOW / 1000 + 299))).toEqual({ ok: true });
  });

  it("refuses another key, a changed token, a malformed signature and a stale timestamp", () => {
    expect(signatures.check(signed(NOW / 1000, undefined, "other"))).toEqual({
      ok: false,
      detail: "wrong signature",
    });
    expect(signatures.check({ ...signed(NOW / 1000), token: "changed" }).ok).toBe(false);
    expect(signatures.check({ ...signed(NOW / 1000), signature: "zz" }).ok).toBe(false);
    expect(signatures.check(signed(NOW / 1000 - 301))).toEqual({
      ok: false,
      detail: "stale signature (timestamp more than 5 minutes off)",
    });
  });

  it("refuses a token once its request was handled, and forgets it when it could no longer pass", () => {
    const first = signed(NOW / 1000);
    expect(signatures.check(first)).toEqual({ ok: true });
    // Not handled yet (the database failed, say): the provider's retry must pass.
    expect(signatures.check(first)).toEqual({ ok: true });
    signatures.take(first);
    expect(signatures.check(first)).toEqual({ ok: false, detail: "replayed token" });
    now = NOW + 6 * 60_000;
    const sameTokenLater = signed(now / 1000, first.token);
    expect(signatures.check(sameTokenLater)).toEqual({ ok: true });
  });
});
