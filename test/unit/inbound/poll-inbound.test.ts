import pino from "pino";
import { AnswerBudget } from "../../../src/inbound/answer-budget";
import type { CommandMailbox, MailboxMessage } from "../../../src/inbound/imap-mailbox";
import type { InboundCommands } from "../../../src/inbound/inbound-commands";
import { pollInbound } from "../../../src/inbound/poll-inbound";
import {
  SendError,
  type MailTransport,
  type OutgoingMessage,
} from "../../../src/transport/mail-transport";

function fakeMailbox(sources: string[]) {
  const flagged: [number, boolean][] = [];
  const messages: MailboxMessage[] = sources.map((source, i) => ({
    uid: i + 1,
    source: Buffer.from(source.replace(/\n/g, "\r\n")),
    truncated: false,
  }));
  const mailbox: CommandMailbox = {
    unhandled: async (limit) =>
      messages.filter((m) => !flagged.some(([uid]) => uid === m.uid)).slice(0, limit),
    markHandled: async (uid, answered) => void flagged.push([uid, answered]),
    markUnclassified: async (uid) => void flagged.push([uid, false]),
    close: async () => undefined,
  };
  return { mailbox, flagged };
}

function fakeTransport(fail?: (message: OutgoingMessage) => Error | undefined) {
  const sent: OutgoingMessage[] = [];
  const transport: MailTransport = {
    description: "memory",
    send: async (message) => {
      const error = fail?.(message);
      if (error) throw error;
      sent.push(message);
    },
    close: () => undefined,
  };
  return { transport, sent };
}

const commands: InboundCommands = {
  subscribe: async () => undefined,
  unsubscribe: async () => undefined,
  replaceKeywords: async () => "replaced",
};
const deps = {
  commands,
  from: "Digest <digest@lab.org>",
  publicUrl: "https://d.lab.org",
  logger: pino({ level: "silent" }),
};
const subscribe = (from: string) => `From: ${from}\nSubject: subscribe\n\nrobots\n`;

describe("pollInbound", () => {
  it("answers commands and flags them read; flags machine mail without reading or answering it", async () => {
    const { mailbox, flagged } = fakeMailbox([
      subscribe("ada@x.org"),
      "From: bot@x.org\nAuto-Submitted: auto-replied\nSubject: subscribe\n\nrobots\n",
    ]);
    const { transport, sent } = fakeTransport();
    const handled = await pollInbound({ ...deps, budget: new AnswerBudget(), mailbox, transport });
    expect(handled.map((h) => [h.uid, h.outcome, h.answer])).toEqual([
      [1, "subscribe-requested", "sent"],
      [2, "ignored", "none"],
    ]);
    expect(sent.map((m) => m.to)).toEqual(["ada@x.org"]);
    expect(flagged).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(await pollInbound({ ...deps, budget: new AnswerBudget(), mailbox, transport })).toEqual(
      [],
    );
  });

  it("works with the default MAIL_FROM, digest@localhost", async () => {
    const { mailbox } = fakeMailbox([subscribe("ada@x.org")]);
    const { transport, sent } = fakeTransport();
    const from = "arXiv Digest <digest@localhost>";
    await pollInbound({ ...deps, from, budget: new AnswerBudget(), mailbox, transport });
    expect(sent.map((m) => m.from)).toEqual([from]);
  });

  it("stops with the mail unflagged when the answer cannot be sent yet (4xx, connection)", async () => {
    const { mailbox, flagged } = fakeMailbox([subscribe("ada@x.org"), subscribe("bo@x.org")]);
    const { transport } = fakeTransport(() => new SendError("421 try later", false));
    await expect(
      pollInbound({ ...deps, budget: new AnswerBudget(), mailbox, transport }),
    ).rejects.toThrow("421 try later");
    expect(flagged).toEqual([]);
  });

  it("flags a mail whose answer the far end refused for good, and goes on", async () => {
    const { mailbox, flagged } = fakeMailbox([subscribe("ada@x.org"), subscribe("bo@x.org")]);
    const { transport, sent } = fakeTransport((m) =>
      m.to === "ada@x.org" ? new SendError("550 no such user", true) : undefined,
    );
    const handled = await pollInbound({ ...deps, budget: new AnswerBudget(), mailbox, transport });
    expect(handled.map((h) => h.answer)).toEqual(["refused", "sent"]);
    expect(sent.map((m) => m.to)).toEqual(["bo@x.org"]);
    expect(flagged).toEqual([
      [1, true],
      [2, true],
    ]);
  });
});
