import {
  createLinkToken,
  hashLinkToken,
  linkTokenMatches,
} from "../../../src/subscribers/link-token";

describe("link tokens", () => {
  it("are 256 random bits in base64url, never repeated across many pools", () => {
    const tokens = Array.from({ length: 1_000 }, () => createLinkToken().token);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("are stored as their SHA-256 and matched against it", () => {
    const { token, hash } = createLinkToken();
    expect(hash).toBe(hashLinkToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(linkTokenMatches(token, hash)).toBe(true);
    expect(linkTokenMatches(createLinkToken().token, hash)).toBe(false);
    expect(linkTokenMatches(token, null)).toBe(false);
    expect(linkTokenMatches("short", hashLinkToken("short"))).toBe(false);
  });
});
