import type { ImapFlow } from "imapflow";
import type { ParsedMail } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import { createApp } from "../../../src/container";
import { loadConfig } from "../../../src/config";
import { startInboundPoller } from "../../../src/inbound/inbound-poller";
import { HANDLED_KEYWORD } from "../../../src/inbound/imap-mailbox";
import type { HandledMail } from "../../../src/inbound/poll-inbound";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { DEBIAN_DOVECOT } from "../../support/debian-packages";
import { startDovecot, type TestDovecot } from "../../support/dovecot";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { waitFor } from "../../support/wait-for";

const SERVICE = "digest@lab.example.org";

/** A mail as a person's (or a machine's) client would send it, built by nodemailer. */
async function mail(options: {
  from: string;
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  replyTo?: string;
  messageId?: string;
}): Promise<Buffer> {
  const messageId = `<${Math.random().toString(36).slice(2)}@test.example.org>`;
  return new MailComposer({ to: SERVICE, messageId, ...options }).compile().build();
}

interface StoredMail {
  from: string;
  flags: Set<string>;
}

async function storedMails(client: ImapFlow): Promise<StoredMail[]> {
  const lock = await client.getMailboxLock("INBOX");
  try {
    const found: StoredMail[] = [];
    for await (const m of client.fetch("1:*", { envelope: true, flags: true })) {
      found.push({ from: m.envelope?.from?.[0]?.address ?? "", flags: m.flags ?? new Set() });
    }
    return found;
  } finally {
    lock.release();
  }
}

const to = (sink: SmtpSink, address: string): ParsedMail[] =>
  sink.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);

describeEachDatabase(
  "subscribe by mail (Dovecot, real SMTP server, %s)",
  (kind) => {
    let dovecot: TestDovecot;
    let imap: ImapFlow;
    let sink: SmtpSink;
    let database: TestDatabase;
    let env: Record<string, string>;
    const subscribers = async () =>
      JSON.parse((await runCliWith(env, "subscriber", "list", "--json")).out) as {
        email: string;
        status: string;
        language: string;
        keywords: string[];
      }[];
    const poll = async () => {
      const run = await runCliWith(env, "inbound", "poll", "--json");
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      return JSON.parse(run.out) as HandledMail[];
    };

    beforeAll(async () => {
      dovecot = await startDovecot();
      imap = await dovecot.connect();
      sink = await startSmtpSink();
      database = createTestDatabase(kind);
      env = {
        DATABASE_URL: database.url,
        SMTP_URL: sink.url,
        MAIL_FROM: `arXiv Digest <${SERVICE}>`,
        PUBLIC_URL: "https://digest.example.org",
        INBOUND_IMAP_URL: dovecot.url,
      };
      for (const [email, keyword] of [
        ["eve@example.org", "robots"],
        ["fay@example.org", "grasping"],
        ["ivy@example.org", "graphs"],
      ] as const) {
        expect(
          (await runCliWith(env, "subscriber", "add", email, "--keywords", keyword, "--confirmed"))
            .code,
        ).toBe(0);
      }
      const inbox = [
        // Plain text with a quoted reply and a signature; Reply-To must not be answered.
        await mail({
          from: "Ada <Ada@Example.org>",
          replyTo: "someone-else@example.net",
          messageId: "<ada-asks@example.org>",
          subject: "subscribe",
          text: '"diffusion policy"\r\nti:transformer\r\n\r\nOn Mon, Bob wrote:\r\n> cat:cs.CL\r\n\r\n-- \r\nAda Lovelace\r\nAnalytical Engines Ltd\r\n',
        }),
        // HTML only, subject in Traditional Chinese: zh-TW digests and a zh-TW answer.
        await mail({
          from: "bo@example.org",
          subject: "訂閱",
          html: "<div>&quot;world model&quot;</div><div>cat:cs.RO</div><blockquote>old news</blockquote>",
        }),
        // A query that does not parse, on the body's second line.
        await mail({
          from: "cy@example.org",
          subject: "subscribe",
          text: 'robots\nti:"world model\n',
        }),
        // Machines: an auto-reply, list mail, a bounce. None is acted on or answered.
        await mail({
          from: "dee@example.org",
          subject: "subscribe",
          text: "robots",
          headers: { "Auto-Submitted": "auto-replied" },
        }),
        await mail({
          from: "list@example.org",
          subject: "subscribe",
          text: "robots",
          headers: { Precedence: "bulk", "List-Id": "<papers.example.org>" },
        }),
        await mail({
          from: "bouncer@example.org",
          subject: "subscribe",
          text: "robots",
          headers: { "Return-Path": "<>" },
        }),
        await mail({ from: "eve@example.org", subject: "Unsubscribe", text: "" }),
        await mail({
          from: "fay@example.org",
          subject: "Re: keywords",
          text: 'ti:robot\nabs:"offline RL"\n',
        }),
        // Not a command (someone answering a digest): left unread for a person, not answered.
        await mail({ from: "gus@example.org", subject: "Thanks for the digest!", text: "Great" }),
        // A provider sending the List-Unsubscribe mailto for Ivy, marked as machine mail: carried
        // out, not answered.
        await mail({
          from: "ivy@example.org",
          subject: "unsubscribe",
          headers: { "Auto-Submitted": "auto-generated" },
        }),
      ];
      for (const source of inbox) await imap.append("INBOX", source);
    });

    afterAll(async () => {
      await imap?.logout().catch(() => undefined);
      await dovecot?.stop();
      await sink?.close();
      await database?.drop();
    });

    it("carries out each command through the subscription service and answers only the From address", async () => {
      const handled = await poll();
      expect(handled.map((h) => [h.sender, h.outcome, h.answer])).toEqual([
        ["ada@example.org", "subscribe-requested", "sent"],
        ["bo@example.org", "subscribe-requested", "sent"],
        ["cy@example.org", "refused", "sent"],
        ["dee@example.org", "ignored", "none"],
        ["list@example.org", "ignored", "none"],
        ["bouncer@example.org", "ignored", "none"],
        ["eve@example.org", "unsubscribed", "sent"],
        ["fay@example.org", "keywords-replaced", "sent"],
        ["gus@example.org", "ignored", "none"],
        ["ivy@example.org", "unsubscribed", "none"],
      ]);
      expect(handled[3]?.detail).toBe("Auto-Submitted: auto-replied");
      expect(handled[4]?.detail).toBe("Precedence: bulk");
      expect(handled[5]?.detail).toBe("empty Return-Path (a bounce)");

      // Answers and confirmation mails, all at the SMTP server, none to a Reply-To or a machine.
      expect([...sink.recipients].sort()).toEqual([
        "ada@example.org",
        "ada@example.org",
        "bo@example.org",
        "bo@example.org",
        "cy@example.org",
        "eve@example.org",
        "fay@example.org",
      ]);
      const confirmation = to(sink, "ada@example.org").find((m) => m.text?.includes("/confirm/"));
      expect(confirmation).toBeDefined();
      const answer = to(sink, "ada@example.org").find((m) => m.subject === "Re: subscribe");
      expect(answer?.headers.get("auto-submitted")).toBe("auto-replied");
      expect(answer?.inReplyTo).toBe("<ada-asks@example.org>");
      expect(answer?.text).toContain("confirmation mail");
      expect(answer?.text).toContain("- ti:transformer");
      expect(answer?.text).not.toContain("cat:cs.CL");
      expect(to(sink, "bo@example.org").find((m) => m.subject === "Re: 訂閱")?.text).toContain(
        "確認郵件",
      );
      const refusal = to(sink, "cy@example.org")[0]?.text ?? "";
      expect(refusal).toContain('line 2: ti:"world model');
      expect(refusal).toContain("nothing was changed");

      const byEmail = new Map((await subscribers()).map((s) => [s.email, s]));
      expect(byEmail.get("ada@example.org")).toMatchObject({
        status: "pending",
        keywords: ['"diffusion policy"', "ti:transformer"],
      });
      expect(byEmail.get("bo@example.org")).toMatchObject({
        status: "pending",
        language: "zh-TW",
        keywords: ['"world model"', "cat:cs.RO"],
      });
      expect(byEmail.get("eve@example.org")?.status).toBe("unsubscribed");
      expect(byEmail.get("ivy@example.org")?.status).toBe("unsubscribed");
      expect(byEmail.get("fay@example.org")?.keywords).toEqual(["ti:robot", 'abs:"offline RL"']);
      for (const email of [
        "cy@example.org",
        "dee@example.org",
        "list@example.org",
        "bouncer@example.org",
      ]) {
        expect(byEmail.has(email)).toBe(false);
      }

      // Every mail is flagged; only the ones acted on are marked read.
      const stored = await storedMails(imap);
      expect(stored.every((m) => m.flags.has(HANDLED_KEYWORD))).toBe(true);
      const read = stored.filter((m) => m.flags.has("\\Seen")).map((m) => m.from.toLowerCase());
      expect(read.sort()).toEqual([
        "ada@example.org",
        "bo@example.org",
        "cy@example.org",
        "eve@example.org",
        "fay@example.org",
        "ivy@example.org",
      ]);
    });

    it("a second poll handles nothing and mails nothing", async () => {
      const before = sink.messages.length;
      expect(await poll()).toEqual([]);
      const human = await runCliWith(env, "inbound", "poll");
      expect(human.out).toBe("no new mail");
      expect(sink.messages.length).toBe(before);
    });

    it("a mail handled again (flag lost in a crash) is answered again under the same Message-ID, with no second confirmation", async () => {
      const before = sink.messages.length;
      const lock = await imap.getMailboxLock("INBOX");
      try {
        await imap.messageFlagsRemove("1", [HANDLED_KEYWORD]);
      } finally {
        lock.release();
      }
      const run = await runCliWith(env, "inbound", "poll");
      expect(run.out).toBe('#1 ada@example.org "subscribe": subscribe-requested, answer sent');
      const again = sink.messages.slice(before);
      expect(again.map((m) => m.subject)).toEqual(["Re: subscribe"]); // the hourly limit holds the link mail
      const first = to(sink, "ada@example.org").find((m) => m.subject === "Re: subscribe");
      expect(again[0]?.messageId).toBe(first?.messageId);
      expect((await subscribers()).find((s) => s.email === "ada@example.org")?.keywords).toEqual([
        '"diffusion policy"',
        "ti:transformer",
      ]);
    });

    it("serve's poller picks up a new mail by itself and stops cleanly", async () => {
      const app = await createApp(
        loadConfig({ ...env, INBOUND_POLL_SECONDS: "1", LOG_LEVEL: "silent" }),
      );
      const poller = startInboundPoller(app.mailbox);
      try {
        await imap.append(
          "INBOX",
          await mail({ from: "hal@example.org", subject: "subscribe", text: "robots" }),
        );
        await waitFor(() => to(sink, "hal@example.org").length >= 2, {
          what: "the answer and the confirmation mail to hal@example.org",
          timeoutMs: 30_000,
        });
        const subjects = to(sink, "hal@example.org").map((m) => m.subject ?? "");
        expect(subjects).toHaveLength(2);
        expect(subjects).toContain("Re: subscribe");
        expect(subjects.some((subject) => subject.includes("Confirm your arXiv digest"))).toBe(
          true,
        );
      } finally {
        await poller.stop();
        await app.close();
      }
    });

    it("a mail too long to read whole is answered with a refusal, nothing stored", async () => {
      const attachment = { filename: "paper.pdf", content: Buffer.alloc(400 * 1024, 65) };
      const big = await new MailComposer({
        from: "jo@example.org",
        to: SERVICE,
        subject: "subscribe",
        text: "robots",
        attachments: [attachment],
      })
        .compile()
        .build();
      await imap.append("INBOX", big);
      const handled = await poll();
      expect(handled.map((h) => [h.sender, h.outcome, h.answer])).toEqual([
        ["jo@example.org", "refused", "sent"],
      ]);
      expect(handled[0]?.detail).toContain("too long");
      expect(to(sink, "jo@example.org").map((m) => m.subject)).toEqual(["Re: subscribe"]);
      expect((await subscribers()).some((s) => s.email === "jo@example.org")).toBe(false);
    });

    it("a wrong password is one line naming the mailbox, without the password; exit 1", async () => {
      const url = dovecot.url.replace(dovecot.password, "wrong-secret");
      const run = await runCliWith({ ...env, INBOUND_IMAP_URL: url }, "inbound", "poll");
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/^error: cannot log in to imap:\/\/inbox@127\.0\.0\.1:\d+\/INBOX: /);
      expect(run.err).not.toContain("wrong-secret");
      expect(run.err.split("\n")).toHaveLength(1);
    });

    it("without INBOUND_IMAP_URL, inbound poll says what to set", async () => {
      const run = await runCliWith({ ...env, INBOUND_IMAP_URL: "" }, "inbound", "poll");
      expect(run.code).toBe(1);
      expect(run.err).toContain("INBOUND_IMAP_URL is not set");
    });
  },
  [DEBIAN_DOVECOT],
);
