import crypto from "node:crypto";
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { createTestDatabase } from "../../support/databases";
import { EXAMPLE_FEED } from "../../support/temp-dir";

jest.setTimeout(60_000);

/** Runs `use` with an SMTP sink, a SQLite database and DKIM settings signing with `privateKey`. */
async function withSigningSetup(
  privateKey: string,
  use: (env: Record<string, string>, sink: SmtpSink) => Promise<void>,
): Promise<void> {
  const sink = await startSmtpSink();
  const database = createTestDatabase("sqlite");
  try {
    await use(
      {
        DATABASE_URL: database.url,
        SMTP_URL: sink.url,
        MAIL_FROM: "arXiv Digest <digest@lab.example.org>",
        DKIM_DOMAIN: "lab.example.org",
        DKIM_SELECTOR: "digest2025",
        DKIM_PRIVATE_KEY: privateKey,
      },
      sink,
    );
  } finally {
    await sink.close();
    await database.drop();
  }
}

describe("DKIM", () => {
  it("signs every digest so that an independent verifier (mailauth) passes it", async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`;
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await withSigningSetup(pem, async (env, sink) => {
      await runCliWith(
        env,
        "subscriber",
        "add",
        "dkim@example.org",
        "-k",
        '"diffusion policy"',
        "--confirmed",
      );
      expect((await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED)).code).toBe(0);
      expect(sink.raw).toHaveLength(1);
      // The verifier asks DNS for the key; this resolver answers for our selector only.
      const resolver = async (name: string, type: string) => {
        if (type === "TXT" && name === "digest2025._domainkey.lab.example.org") return [[record]];
        throw Object.assign(new Error(`no ${type} record for ${name}`), { code: "ENOTFOUND" });
      };
      const result = await dkimVerify(sink.raw[0] as Buffer, { resolver });
      expect(result.results).toHaveLength(1);
      expect(result.results[0]?.signingDomain).toBe("lab.example.org");
      expect(result.results[0]?.status.result).toBe("pass");

      // One character of the first body part changed (the parts are base64, so one letter).
      const signed = (sink.raw[0] as Buffer).toString();
      const bodyStart = signed.indexOf("Content-Transfer-Encoding: base64\r\n\r\n") + 37;
      expect(bodyStart).toBeGreaterThan(37);
      const swapped = signed[bodyStart] === "A" ? "B" : "A";
      const tampered = Buffer.from(
        signed.slice(0, bodyStart) + swapped + signed.slice(bodyStart + 1),
      );
      const broken = await dkimVerify(tampered, { resolver });
      // mailauth reports a body that no longer matches its hash as "neutral", never "pass".
      expect(broken.results[0]?.status.result).not.toBe("pass");
      expect(broken.results[0]?.status.comment).toMatch(/body hash did not verify/);
    });
  });

  it("a malformed key stops send and fails doctor with one line, sending nothing", async () => {
    const key = "-----BEGIN PRIVATE KEY-----\\nbm90IGEga2V5\\n-----END PRIVATE KEY-----";
    await withSigningSetup(key, async (env, sink) => {
      const run = await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
      expect(run.code).toBe(1);
      expect(run.err.trim()).toMatch(/^[^\n]*DKIM_PRIVATE_KEY is invalid[^\n]*$/);
      expect(run.err).not.toContain("bm90IGEga2V5");
      const doctor = await runCliWith(env, "doctor", "--offline");
      expect(doctor.code).toBe(1);
      expect(doctor.out).toMatch(/^fail\s+config\s+DKIM_PRIVATE_KEY is invalid/m);
      expect(sink.raw).toHaveLength(0);
    });
  });
});
