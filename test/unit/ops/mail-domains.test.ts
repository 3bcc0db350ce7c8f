import { checkAlignment, type MailDomains } from "../../../src/ops/mail-domains";

const signedBy = (domain: string) => ({ domain, selector: "s1", privateKey: "" });

describe("checkAlignment (DMARC relaxed alignment of From, DKIM d= and Return-Path)", () => {
  it.each<[string, MailDomains, string, RegExp]>([
    [
      "subdomains of the From domain align",
      {
        from: "example.org",
        dkim: signedBy("digest.example.org"),
        returnPath: "bounces.example.org",
      },
      "ok",
      /both aligned/,
    ],
    [
      "a relay's d= leaves only SPF",
      { from: "example.org", dkim: signedBy("relay.example.net"), returnPath: "example.org" },
      "warn",
      /only the Return-Path \(SPF\)/,
    ],
    [
      "a relay's Return-Path leaves only DKIM",
      {
        from: "example.org",
        dkim: signedBy("example.org"),
        returnPath: "bounce.relay.example.net",
      },
      "warn",
      /only DKIM/,
    ],
    [
      "a look-alike domain is not a subdomain",
      { from: "example.org", returnPath: "badexample.org" },
      "fail",
      /DKIM d=\(none\).*neither aligns/,
    ],
  ])("%s", (_title, domains, verdict, detail) => {
    const result = checkAlignment(domains);
    expect(result.verdict).toBe(verdict);
    expect(result.detail).toMatch(detail);
  });
});
