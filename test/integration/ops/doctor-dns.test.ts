import fs from "node:fs";
import path from "node:path";
import { runCliWith } from "../../support/run-cli";
import { startTxtServer, type TxtServer } from "../../support/dns-server";
import { makeTempDir } from "../../support/temp-dir";

// RSA key generation is slow on a loaded machine; jest reads testTimeout from the root config only.
jest.setTimeout(60_000);

interface Check {
  check: string;
  verdict: string;
  detail: string;
}

const dir = makeTempDir();
const baseEnv = {
  DATABASE_URL: `file:${path.join(dir, "digest.db")}`,
  MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
};

/** A key made by `dkim keygen` and the record it printed: "<name>  TXT \"<value>\"". */
async function keygen(selector: string, domain: string) {
  const keyFile = path.join(dir, `${selector}.${domain}.pem`);
  const run = await runCliWith(
    { ...baseEnv, MAIL_FROM: `Digest <digest@${domain}>` },
    "dkim",
    "keygen",
    "--selector",
    selector,
    "--out",
    keyFile,
  );
  expect(run.code).toBe(0);
  const [, name, value] = /^(\S+) {2}TXT "(.+)"$/.exec(run.out) ?? [];
  return { keyFile, name: name ?? "", value: value ?? "" };
}

describe("dkim keygen", () => {
  it("writes a 2048-bit key readable by its owner only, prints its record, never overwrites", async () => {
    const key = await keygen("s1", "digest.example.org");
    expect(key.name).toBe("s1._domainkey.digest.example.org");
    expect(key.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+=*$/);
    expect(fs.statSync(key.keyFile).mode & 0o777).toBe(0o600);
    const { createPrivateKey } = await import("node:crypto");
    const pem = fs.readFileSync(key.keyFile, "utf8");
    expect(createPrivateKey(pem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    const again = await runCliWith(
      { ...baseEnv, MAIL_FROM: "digest@digest.example.org" },
      ...["dkim", "keygen", "--selector", "s1", "--out", key.keyFile],
    );
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/exists; not overwriting a key/);
    expect(again.err).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(key.keyFile, "utf8")).toBe(pem);
  });
});

describe("doctor's mail DNS lines, against a name server on 127.0.0.1", () => {
  let server: TxtServer;
  let signing: Awaited<ReturnType<typeof keygen>>;
  let other: Awaited<ReturnType<typeof keygen>>;

  beforeAll(async () => {
    signing = await keygen("s1", "pass.example");
    other = await keygen("s2", "warn.example");
    server = await startTxtServer({
      "pass.example": ["google-site-verification=abc", "v=spf1 mx -all"],
      [signing.name]: [signing.value],
      "_dmarc.pass.example": ["v=DMARC1; p=reject; rua=mailto:dmarc@pass.example"],
      "bounces.warn.example": ["v=spf1 mx ?all"],
      // The key published under s2 is not the one this installation signs with.
      "s2._domainkey.warn.example": [other.value],
      "_dmarc.warn.example": ["v=DMARC1; p=none"],
      "fail.example": ["v=spf1 mx -all", "v=spf1 a -all"],
    });
  });
  afterAll(() => server.close());

  const doctor = async (env: Record<string, string>) => {
    const run = await runCliWith(
      { ...baseEnv, ...env },
      ...["doctor", "--json", "--timeout", "5", "--dns-server", server.address],
    );
    const checks = (JSON.parse(run.out) as { checks: Check[] }).checks;
    return {
      code: run.code,
      dns: checks.filter((c) => /^(spf|dkim|dmarc|alignment)$/.test(c.check)),
    };
  };
  const dkimEnv = (domain: string, selector: string, keyFile: string) => ({
    DKIM_DOMAIN: domain,
    DKIM_SELECTOR: selector,
    DKIM_PRIVATE_KEY: fs.readFileSync(keyFile, "utf8"),
  });

  it("says ok when SPF, the signing key and DMARC are published and the domains align", async () => {
    const { dns } = await doctor({
      MAIL_FROM: "Digest <digest@pass.example>",
      ...dkimEnv("pass.example", "s1", signing.keyFile),
    });
    expect(dns.map((c) => [c.check, c.verdict])).toEqual([
      ["spf", "ok"],
      ["dkim", "ok"],
      ["dmarc", "ok"],
      ["alignment", "ok"],
    ]);
    expect(server.asked).toEqual(
      expect.arrayContaining(["pass.example", signing.name, "_dmarc.pass.example"]),
    );
  });

  it("warns on a soft SPF, a monitoring-only DMARC and one aligned domain; fails a wrong key", async () => {
    const { dns, code } = await doctor({
      MAIL_FROM: "digest@warn.example",
      MAIL_BOUNCE_ADDRESS: "bounces@bounces.warn.example",
      MAIL_BOUNCE_SECRET: "a-test-secret-of-at-least-32-characters",
      ...dkimEnv("mailer.example", "s2", signing.keyFile),
    });
    expect(code).toBe(1);
    expect(dns).toEqual([
      {
        check: "spf",
        verdict: "warn",
        detail: expect.stringMatching(
          /does not end in -all or ~all; publish bounces\.warn\.example TXT "v=spf1 mx ~all"/,
        ),
      },
      {
        check: "dkim",
        verdict: "fail",
        detail: expect.stringMatching(
          /^no DKIM key at s2\._domainkey\.mailer\.example; publish s2\._domainkey\.mailer\.example TXT "v=DKIM1; k=rsa; p=/,
        ),
      },
      { check: "dmarc", verdict: "warn", detail: expect.stringMatching(/p=none only monitors/) },
      {
        check: "alignment",
        verdict: "warn",
        detail: expect.stringMatching(
          /DKIM d=mailer\.example, Return-Path bounces\.warn\.example: only the Return-Path \(SPF\) is aligned/,
        ),
      },
    ]);
    const wrongKey = await doctor({
      MAIL_FROM: "digest@warn.example",
      ...dkimEnv("warn.example", "s2", signing.keyFile),
    });
    expect(wrongKey.dns[1]).toEqual({
      check: "dkim",
      verdict: "fail",
      detail: expect.stringMatching(
        /^the key at s2\._domainkey\.warn\.example is not the one DKIM_PRIVATE_KEY signs with/,
      ),
    });
  });

  it("fails two SPF records, a missing DMARC and no aligned domain; warns that nothing is signed", async () => {
    const { dns, code } = await doctor({
      MAIL_FROM: "digest@fail.example",
      MAIL_BOUNCE_ADDRESS: "bounces@elsewhere.example",
      MAIL_BOUNCE_SECRET: "a-test-secret-of-at-least-32-characters",
    });
    expect(code).toBe(1);
    expect(dns.map((c) => [c.check, c.verdict])).toEqual([
      ["spf", "fail"],
      ["dkim", "warn"],
      ["dmarc", "fail"],
      ["alignment", "fail"],
    ]);
    expect(dns[0]?.detail).toMatch(/no SPF record at elsewhere\.example/);
    expect(dns[2]?.detail).toMatch(
      /^no DMARC record at _dmarc\.fail\.example; publish _dmarc\.fail\.example TXT "v=DMARC1; p=quarantine/,
    );
  });

  it("prints the records without looking them up when --offline, and warns when no server answers", async () => {
    const env = { ...baseEnv, MAIL_FROM: "digest@pass.example" };
    const offline = await runCliWith(env, "doctor", "--offline");
    expect(offline.out).toMatch(
      /^warn {2}dmarc +publish _dmarc\.pass\.example TXT "v=DMARC1; p=quarantine; rua=mailto:postmaster@pass\.example" \(not looked up: --offline\)$/m,
    );
    const silent = await runCliWith(env, "doctor", "--timeout", "1", "--dns-server", "127.0.0.1:9");
    expect(silent.out).toMatch(
      /^warn {2}spf +publish pass\.example TXT "v=spf1 mx ~all" \(could not look it up: \w+\)$/m,
    );
    const bad = await runCliWith(env, "doctor", "--offline", "--dns-server", "not a server");
    expect(bad.err).toMatch(/--dns-server takes host or host:port/);
  });
});
