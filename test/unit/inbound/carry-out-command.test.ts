import { InputError } from "../../../src/errors";
import { AnswerBudget } from "../../../src/inbound/answer-budget";
import { carryOutCommand } from "../../../src/inbound/carry-out-command";
import type { InboundCommands } from "../../../src/inbound/inbound-commands";
import type { CommandMail } from "../../../src/inbound/read-command-mail";

function fakeCommands(overrides: Partial<InboundCommands> = {}) {
  const calls: unknown[][] = [];
  const commands: InboundCommands = {
    subscribe: async (...args) => void calls.push(["subscribe", ...args]),
    unsubscribe: async (...args) => void calls.push(["unsubscribe", ...args]),
    replaceKeywords: async (...args) => {
      calls.push(["keywords", ...args]);
      return "replaced";
    },
    ...overrides,
  };
  return { commands, calls };
}

const carryOut = (m: CommandMail, commands: InboundCommands, budget = new AnswerBudget()) =>
  carryOutCommand(m, commands, budget);

const mail = (subject: string, text = "", extra: Partial<CommandMail> = {}): CommandMail => ({
  sender: "ada@x.org",
  subject,
  text,
  truncated: false,
  ...extra,
});

describe("carryOutCommand", () => {
  it("subscribes the sender with the body's queries in the subject's script", async () => {
    const { commands, calls } = fakeCommands();
    expect(await carryOut(mail("訂閱", "robots\n"), commands)).toEqual({
      kind: "answer",
      sender: "ada@x.org",
      script: "zh-TW",
      outcome: { kind: "subscribe-requested", queries: ["robots"] },
    });
    expect(calls).toEqual([["subscribe", "ada@x.org", ["robots"], "zh-TW"]]);
  });

  it("answers not-subscribed when there is no list to replace", async () => {
    const { commands } = fakeCommands({ replaceKeywords: async () => "not-subscribed" });
    const result = await carryOut(mail("keywords", "robots"), commands);
    expect(result.kind === "answer" && result.outcome).toEqual({ kind: "not-subscribed" });
  });

  it("changes nothing for a bad query, a cut mail, an ignored mail or a non-command", async () => {
    const { commands, calls } = fakeCommands();
    const bad = await carryOut(mail("subscribe", 'ti:"x'), commands);
    expect(bad.kind === "answer" && bad.outcome.kind).toBe("refused");
    const cut = await carryOut(mail("subscribe", "robots", { truncated: true }), commands);
    expect(cut.kind === "answer" && cut.outcome.kind).toBe("refused");
    const forged = mail("unsubscribe", "", { ignoreReason: "dmarc=fail" });
    expect(await carryOut(forged, commands)).toEqual({
      kind: "ignore",
      sender: "ada@x.org",
      reason: "dmarc=fail",
    });
    expect((await carryOut(mail("Thanks!", "robots"), commands)).kind).toBe("ignore");
    expect(calls).toEqual([]);
  });

  it("still honours an unsubscribe in a mail too long to read whole", async () => {
    const { commands, calls } = fakeCommands();
    await carryOut(mail("unsubscribe", "", { truncated: true }), commands);
    expect(calls).toEqual([["unsubscribe", "ada@x.org"]]);
  });

  it("answers the service's InputError, and lets any other error through (retried next poll)", async () => {
    const refused = fakeCommands({
      subscribe: async () => {
        throw new InputError("too many requests for this address");
      },
    });
    const result = await carryOut(mail("subscribe", "robots"), refused.commands);
    expect(result.kind === "answer" && result.outcome).toEqual({
      kind: "refused",
      verb: "subscribe",
      problems: [{ line: 0, text: "", message: "too many requests for this address" }],
    });
    const broken = fakeCommands({
      unsubscribe: async () => {
        throw new Error("database is locked");
      },
    });
    await expect(carryOut(mail("unsubscribe"), broken.commands)).rejects.toThrow(
      "database is locked",
    );
  });
});

describe("carryOutCommand on machine-written mail", () => {
  it("carries out an unsubscribe silently, and nothing else", async () => {
    const { commands, calls } = fakeCommands();
    const machine = { machine: "Auto-Submitted: auto-generated" };
    expect(await carryOut(mail("unsubscribe", "", machine), commands)).toEqual({
      kind: "silent",
      sender: "ada@x.org",
      reason: "Auto-Submitted: auto-generated",
      outcome: { kind: "unsubscribed" },
    });
    expect((await carryOut(mail("subscribe", "robots", machine), commands)).kind).toBe("ignore");
    expect((await carryOut(mail("keywords", "robots", machine), commands)).kind).toBe("ignore");
    expect(calls).toEqual([["unsubscribe", "ada@x.org"]]);
  });
});

describe("carryOutCommand with a spent budget", () => {
  it("leaves the sender's sixth command mail of the hour alone", async () => {
    const { commands, calls } = fakeCommands();
    const budget = new AnswerBudget();
    for (let i = 0; i < 5; i += 1) {
      expect((await carryOut(mail("unsubscribe"), commands, budget)).kind).toBe("answer");
    }
    expect(await carryOut(mail("unsubscribe"), commands, budget)).toEqual({
      kind: "ignore",
      sender: "ada@x.org",
      reason: "too many command mails from this address this hour",
    });
    expect(calls).toHaveLength(5);
    const other = mail("unsubscribe", "", { sender: "bo@x.org" });
    expect((await carryOut(other, commands, budget)).kind).toBe("answer");
  });
});
