import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../../../src/config";
import { createApp } from "../../../src/container";
import { BOUNCE_SENDER_ENV, bounceFixture } from "../../support/bounce-fixtures";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { subscribeAndFetch } from "../../support/subscribe-and-fetch";
import { makeTempDir } from "../../support/temp-dir";

// jest reads testTimeout from the root config only, not from a project (jest.config.js).
jest.setTimeout(60_000);

const ADA = "ada@example.net";

describeEachDatabase("a suppressed address on every way in (%s)", (kind) => {
  let sink: SmtpSink;
  let database: TestDatabase;
  let env: Record<string, string>;
  const dir = makeTempDir();
  const cli = (...argv: string[]) => runCliWith(env, ...argv);
  const suppressed = async () =>
    (JSON.parse((await cli("suppression", "list", "--json")).out) as { email: string }[]).map(
      (s) => s.email,
    );

  beforeAll(async () => {
    sink = await startSmtpSink();
    database = createTestDatabase(kind);
    env = {
      DATABASE_URL: database.url,
      SMTP_URL: sink.url,
      ...BOUNCE_SENDER_ENV,
      LOG_LEVEL: "error",
    };
    await subscribeAndFetch(env, [ADA]);
    expect((await cli("send")).code).toBe(0);
    // Ada reports the digest as spam.
    const complaint = path.join(dir, "complaint.eml");
    const fill = { verp: sink.senders[0] ?? "", recipient: ADA };
    fs.writeFileSync(complaint, bounceFixture("arf-complaint.eml", fill));
    expect((await cli("inbound", "process", complaint)).out).toContain(
      "unsubscribed-and-suppressed",
    );
  }, 120_000);

  afterAll(async () => {
    await sink?.close();
    await database?.drop();
  });

  it("is refused by subscriber add and by an import, even after subscriber remove", async () => {
    expect(await suppressed()).toEqual([ADA]);
    const added = await cli("subscriber", "add", ADA, "-k", "robots", "--confirmed");
    expect(added.code).toBe(1);
    expect(added.err).toContain(`${ADA} is suppressed (its owner reported a digest as spam)`);

    expect((await cli("subscriber", "remove", ADA)).code).toBe(0);
    const csv = path.join(dir, "back.csv");
    fs.writeFileSync(csv, `email,keywords,status\n${ADA},robots,active\n`);
    const imported = await cli("subscriber", "import", csv);
    expect(imported.code).toBe(1);
    expect(imported.out).toContain(`line 2 (${ADA}): ${ADA} is suppressed`);
    expect((await cli("subscriber", "show", ADA)).code).toBe(1);
  });

  it("is lifted only by the owner's own confirmation (web form and subscribe mail share it)", async () => {
    const app = await createApp(loadConfig(env));
    try {
      await app.subscriptions.requestSubscription({ email: ADA, queries: ["robots"] });
      expect(await suppressed()).toEqual([ADA]); // asking is not opting in
      const mail = sink.messages.find(
        (m) => m.to && !Array.isArray(m.to) && m.text?.includes("/confirm/"),
      );
      const key = /\/confirm\/([\w.-]+)/.exec(mail?.text ?? "")?.[1] ?? "";
      expect((await app.subscriptions.confirm(key)).status).toBe("confirmed");
    } finally {
      await app.close();
    }
    expect(await suppressed()).toEqual([]);
    expect(JSON.parse((await cli("subscriber", "show", ADA, "--json")).out).status).toBe("active");
  });

  it("tells the operator when an address to take off the list is not on it", async () => {
    const again = await cli("suppression", "remove", ADA);
    expect(again.code).toBe(1);
    expect(again.err).toBe(`error: ${ADA} is not suppressed`);
  });
});
