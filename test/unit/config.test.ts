import fs from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { CONFIG_VARIABLES, loadConfig } from "../../src/config";
import { ConfigError } from "../../src/errors";

describe("loadConfig", () => {
  it("gives the embedded defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe("file:./data/arxiv-digest.db");
    expect(config.mail.smtpUrl).toBeUndefined();
    expect(config.mail.outboxDir).toBe("./outbox");
    expect(config.arxiv).toEqual({
      categories: ["cs"],
      includeReplacements: false,
      contact: "digest@localhost",
      feedUrl: "https://rss.arxiv.org/rss/",
    });
    expect(config.digest.maxPapers).toBe(100);
  });

  it(".env.example documents exactly the variables read, with their defaults", () => {
    const example = dotenv.parse(fs.readFileSync(path.resolve(__dirname, "../../.env.example")));
    expect(Object.keys(example).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });

  it("names every bad variable, one line each", () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: "mysql://x",
        SMTP_URL: "http://x",
        DIGEST_MAX_PAPERS: "0",
        SCHEDULE_TZ: "Mars/Base",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "DATABASE_URL",
      "SMTP_URL",
      "DIGEST_MAX_PAPERS",
      "SCHEDULE_TZ",
    ]);
  });

  it("never echoes the password of a URL setting it refuses", () => {
    let error: unknown;
    try {
      loadConfig({
        SMTP_URL: "smtp://u:SECRET@mail host",
        DATABASE_URL: "mysql://root:SECRET@db/x",
        TRANSLATOR_BASE_URL: "ftp://me:SE/CR@ET@proxy",
      });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).not.toMatch(/SECRET|SE\/CR|ET@|\bu:|root/);
    expect(problems.join("\n")).toContain('(got "smtp://***@mail host")');
  });

  it("reads the DKIM key at start: a key it cannot sign with is one line naming it, not echoed", () => {
    const dkim = { DKIM_DOMAIN: "example.org", DKIM_SELECTOR: "s1" };
    for (const key of [
      "not a key",
      "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----",
    ]) {
      let message = "";
      try {
        loadConfig({ ...dkim, DKIM_PRIVATE_KEY: key });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^DKIM_PRIVATE_KEY is invalid: expected a PEM private key/);
      expect(message).not.toContain(key);
    }
  });

  it("reads HOST, METRICS_PORT/HOST (loopback by default) and TRUST_PROXY (none by default)", () => {
    expect(loadConfig({}).server).toEqual({
      host: "0.0.0.0",
      port: 3000,
      metricsHost: "127.0.0.1",
      metricsPort: 9464,
      trustProxy: [],
    });
    const set = loadConfig({ HOST: "127.0.0.1", TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1" }).server;
    expect(set).toMatchObject({
      host: "127.0.0.1",
      trustProxy: ["127.0.0.1", "10.0.0.0/8", "::1"],
    });
    expect(() => loadConfig({ TRUST_PROXY: "loopback" })).toThrow(/TRUST_PROXY is invalid/);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY is invalid/);
    expect(() => loadConfig({ HOST: "example.org" })).toThrow(/HOST is invalid/);
  });

  it("wants the DKIM settings together", () => {
    expect(() => loadConfig({ DKIM_DOMAIN: "example.org" })).toThrow(/must be set together/);
  });

  it("asks for the one-line summary unless TRANSLATOR_SUMMARY is off; DeepL takes it without complaint", () => {
    expect(loadConfig({}).translator.summary).toBe(true);
    expect(loadConfig({ TRANSLATOR_SUMMARY: "false" }).translator.summary).toBe(false);
    expect(loadConfig({ TRANSLATOR_SUMMARY: "no" }).translator.summary).toBe(false);
    const deepl = loadConfig({ TRANSLATOR: "deepl", TRANSLATOR_API_KEY: "k:fx" });
    expect(deepl.translator).toMatchObject({ provider: "deepl", summary: true });
    let error: unknown;
    try {
      loadConfig({ TRANSLATOR_SUMMARY: "maybe" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^TRANSLATOR_SUMMARY .*true or false/),
    ]);
  });
});
