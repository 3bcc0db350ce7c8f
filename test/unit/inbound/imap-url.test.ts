import { parseImapUrl } from "../../../src/inbound/imap-url";

describe("parseImapUrl", () => {
  it("reads imaps with the default port and INBOX", () => {
    expect(parseImapUrl("imaps://digest%40lab.org:p%40ss@mail.lab.org")).toEqual({
      host: "mail.lab.org",
      port: 993,
      secure: true,
      user: "digest@lab.org",
      pass: "p@ss",
      mailbox: "INBOX",
      description: "imaps://digest%40lab.org@mail.lab.org/INBOX",
    });
  });

  it("reads imap with a port and a nested mailbox", () => {
    expect(parseImapUrl("imap://u:p@127.0.0.1:10143/Lists/Digest%20Commands")).toMatchObject({
      port: 10143,
      secure: false,
      mailbox: "Lists/Digest Commands",
    });
  });

  it.each([
    ["mail.lab.org", "not a URL"],
    ["https://u:p@mail.lab.org", "the scheme must be imaps: or imap:"],
    ["imaps://mail.lab.org/INBOX", "it needs a user and a password (imaps://user:pass@host/INBOX)"],
  ])("refuses %s", (url, problem) => {
    expect(parseImapUrl(url)).toEqual({ problem });
  });

  it("never puts the password in the description", () => {
    const parsed = parseImapUrl("imaps://u:s3cret@h.org/INBOX");
    expect("description" in parsed && parsed.description).not.toContain("s3cret");
  });
});
