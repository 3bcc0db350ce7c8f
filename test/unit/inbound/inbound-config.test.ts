import { loadConfig } from "../../../src/config";
import { ConfigError } from "../../../src/errors";

describe("INBOUND_IMAP_URL and INBOUND_POLL_SECONDS", () => {
  it("are off by default", () => {
    expect(loadConfig({}).inbound).toBeUndefined();
  });

  it("give the mailbox and the poll interval", () => {
    const config = loadConfig({
      INBOUND_IMAP_URL: "imaps://digest:pw@mail.lab.org/Commands",
      INBOUND_POLL_SECONDS: "30",
    });
    expect(config.inbound).toMatchObject({
      imap: { host: "mail.lab.org", port: 993, mailbox: "Commands", user: "digest" },
      pollMs: 30_000,
    });
  });

  it("name a bad URL without repeating its password", () => {
    let error: unknown;
    try {
      loadConfig({ INBOUND_IMAP_URL: "pop3://digest:hunter2@mail.lab.org" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^INBOUND_IMAP_URL is invalid: the scheme must be imaps: or imap:/);
    expect(message).not.toContain("hunter2");
  });

  it("refuse a poll interval that is not a positive whole number", () => {
    expect(() => loadConfig({ INBOUND_POLL_SECONDS: "0" })).toThrow(/INBOUND_POLL_SECONDS/);
  });
});
