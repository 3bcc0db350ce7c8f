import fs from "node:fs";
import path from "node:path";
import type { ImapFlow } from "imapflow";
import { HANDLED_KEYWORD, UNCLASSIFIED_KEYWORD } from "../../../src/inbound/imap-mailbox";
import type { HandledMail } from "../../../src/inbound/poll-inbound";
import { BOUNCE_SENDER_ENV, bounceFixture, type BounceFill } from "../../support/bounce-fixtures";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { DEBIAN_DOVECOT } from "../../support/debian-packages";
import { startDovecot, type TestDovecot } from "../../support/dovecot";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { subscribeAndFetch } from "../../support/subscribe-and-fetch";
import { makeTempDir } from "../../support/temp-dir";

// jest reads testTimeout from the root config only, not from a project (jest.config.js).
jest.setTimeout(60_000);

const VERP = /^bounces\+d\d+\.[0-9a-f]{10}@digest\.example\.org$/;

/** Which fixture each reader's digest comes back as, and what must come of it. */
const CASES = [
  ["postfix-dsn-hard.eml", "hard-bounce-counted"],
  ["postfix-dsn-delayed.eml", "soft-bounce-recorded"],
  ["exim-hard.eml", "hard-bounce-counted"],
  ["exim-plain-hard.eml", "hard-bounce-counted"],
  ["exim-delayed.eml", "soft-bounce-recorded"],
  ["qmail-hard.eml", "hard-bounce-counted"],
  ["office365-ndr.eml", "hard-bounce-counted"],
  ["exchange-legacy-ndr.eml", "hard-bounce-counted"],
  ["gmail-hard.eml", "hard-bounce-counted"],
  ["gmail-plain-soft.eml", "soft-bounce-recorded"],
  ["arf-complaint.eml", "unsubscribed-and-suppressed"],
  ["out-of-office.eml", "unclassified"],
] as const;

describeEachDatabase(
  "bounces and complaints after sending (%s)",
  (kind) => {
    let dovecot: TestDovecot;
    let imap: ImapFlow;
    let sink: SmtpSink;
    let database: TestDatabase;
    let env: Record<string, string>;
    /** Each reader's digest as it left: envelope sender (VERP) and Message-ID. */
    const sent = new Map<string, BounceFill>();
    const readers = CASES.map((_, i) => `reader${i}@example.net`);
    const subscribers = async () =>
      new Map(
        (
          JSON.parse((await runCliWith(env, "subscriber", "list", "--json")).out) as {
            email: string;
            status: string;
          }[]
        ).map((s) => [s.email, s.status]),
      );

    beforeAll(async () => {
      dovecot = await startDovecot();
      imap = await dovecot.connect();
      sink = await startSmtpSink();
      database = createTestDatabase(kind);
      env = {
        DATABASE_URL: database.url,
        SMTP_URL: sink.url,
        ...BOUNCE_SENDER_ENV,
        INBOUND_IMAP_URL: dovecot.url,
        LOG_LEVEL: "error",
      };
      await subscribeAndFetch(env, readers);
      expect((await runCliWith(env, "send")).code).toBe(0);
      sink.recipients.forEach((recipient, i) => {
        const messageId = sink.messages[i]?.messageId ?? "";
        sent.set(recipient, { recipient, verp: sink.senders[i] ?? "", messageId });
      });
    }, 120_000);

    afterAll(async () => {
      await imap?.logout().catch(() => undefined);
      await dovecot?.stop();
      await sink?.close();
      await database?.drop();
    });

    it("sends each digest from its own signed bounce address", () => {
      expect([...sent.keys()].sort()).toEqual([...readers].sort());
      const verps = [...sent.values()].map((s) => s.verp);
      for (const verp of verps) expect(verp).toMatch(VERP);
      expect(new Set(verps).size).toBe(readers.length);
      // The From stays MAIL_FROM; only the envelope changes.
      expect(
        sink.messages.every((m) => m.from?.value[0]?.address === "digest@digest.example.org"),
      ).toBe(true);
    });

    it("handles the reports in the mailbox once, refuses a forged one and leaves the rest for a person", async () => {
      const fill = (i: number) => sent.get(readers[i] ?? "") as BounceFill;
      await imap.append("INBOX", bounceFixture("postfix-dsn-hard.eml", fill(0)));
      await imap.append("INBOX", bounceFixture("arf-complaint.eml", fill(10)));
      // Reader 2's delivery id under reader 3's MAC: forged, and nothing happens to either.
      const forged = fill(2).verp.replace(
        /\.[0-9a-f]{10}@/,
        /\.[0-9a-f]{10}@/.exec(fill(3).verp)?.[0] ?? "",
      );
      await imap.append("INBOX", bounceFixture("gmail-hard.eml", { ...fill(2), verp: forged }));
      await imap.append("INBOX", bounceFixture("out-of-office.eml", fill(11)));

      const poll = async () => {
        const run = await runCliWith(env, "inbound", "poll", "--json");
        expect(run.err).toBe("");
        return JSON.parse(run.out) as HandledMail[];
      };
      expect((await poll()).map((m) => m.outcome)).toEqual([
        "hard-bounce-counted",
        "unsubscribed-and-suppressed",
        "forged",
        "unclassified",
      ]);
      expect(await poll()).toEqual([]);

      const lock = await imap.getMailboxLock("INBOX");
      const flags: Set<string>[] = [];
      try {
        for await (const m of imap.fetch("1:*", { flags: true })) flags.push(m.flags ?? new Set());
      } finally {
        lock.release();
      }
      expect(flags.slice(0, 3).every((f) => f.has(HANDLED_KEYWORD) && f.has("\\Seen"))).toBe(true);
      expect(flags[3]?.has(UNCLASSIFIED_KEYWORD)).toBe(true);
      expect(flags[3]?.has(HANDLED_KEYWORD) || flags[3]?.has("\\Seen")).toBe(false);

      const status = await subscribers();
      expect(status.get(readers[0] ?? "")).toBe("active"); // one hard bounce of three
      expect(status.get(readers[10] ?? "")).toBe("unsubscribed");
      expect(status.get(readers[2] ?? "")).toBe("active");
      const suppressed = JSON.parse(
        (await runCliWith(env, "suppression", "list", "--json")).out,
      ) as {
        email: string;
        reason: string;
      }[];
      expect(suppressed).toEqual([
        expect.objectContaining({ email: readers[10], reason: "complaint" }),
      ]);
    });

    it("handles mail files with `inbound process` the same way, and a second run changes nothing", async () => {
      const dir = makeTempDir();
      const files = CASES.map(([name], i) => {
        const file = path.join(dir, `${i}-${name}`);
        fs.writeFileSync(file, bounceFixture(name, sent.get(readers[i] ?? "") as BounceFill));
        return file;
      });
      const run = await runCliWith(env, "inbound", "process", "--json", ...files);
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      const outcomes = (JSON.parse(run.out) as HandledMail[]).map((m) => m.outcome);
      // Readers 0 and 10 were reported by the mailbox already: the same report is not taken twice.
      const expected: string[] = CASES.map(([, outcome]) => outcome);
      expected[0] = "already-handled";
      expected[10] = "already-handled";
      expect(outcomes).toEqual(expected);

      const again = await runCliWith(env, "inbound", "process", ...files);
      expect(again.out).toContain("1 of 12 could not be classified or tied to a delivery");
      expect(again.out.match(/already-handled/g)).toHaveLength(11);

      const stats = await runCliWith(env, "stats", "--json");
      const edition = (JSON.parse(stats.out) as { latestEditions: { feedback: unknown }[] })
        .latestEditions[0];
      expect(edition?.feedback).toEqual({ hard: 7, soft: 3, complaint: 1 });
      expect((await runCliWith(env, "stats")).out).toMatch(
        /bounces: hard 7 \(58\.3 %\), soft 3 \(25\.0 %\); complaints 1 \(8\.33 %\)/,
      );
    });
  },
  [DEBIAN_DOVECOT],
);
