import type { ChineseVariant } from "../subscribers/subscriber";
import { InputError } from "../errors";
import type { AnswerBudget } from "./answer-budget";
import type { InboundCommands } from "./inbound-commands";
import { readInboundCommand, type CommandVerb, type LineProblem } from "./inbound-command";
import type { CommandMail } from "./read-command-mail";

/** What came of a command mail; each is answered to the sender. */
export type InboundOutcome =
  | { kind: "subscribe-requested"; queries: string[] }
  | { kind: "unsubscribed" }
  | { kind: "keywords-replaced"; queries: string[] }
  | { kind: "not-subscribed" }
  | { kind: "refused"; verb: CommandVerb; problems: LineProblem[] };

/**
 * The result for one received mail: an outcome to answer; an unsubscribe carried out for a
 * machine-written mail, which is not answered (`silent`); or why the mail is left alone.
 */
export type MailResult =
  | { kind: "answer"; sender: string; script: ChineseVariant; outcome: InboundOutcome }
  | { kind: "silent"; sender: string; reason: string; outcome: { kind: "unsubscribed" } }
  | { kind: "ignore"; sender?: string; reason: string };

const TOO_LONG =
  "the mail is too long to read; send the queries as plain text, without attachments";

/**
 * Reads the command of a mail and carries it out through `commands`, if the sender's budget of
 * command mails allows (a spent budget leaves the mail alone). An InputError from the
 * service (a refused address, too many requests) becomes a `refused` answer; any other error
 * propagates, so the mail stays unflagged and is tried again at the next poll.
 */
export async function carryOutCommand(
  mail: CommandMail,
  commands: InboundCommands,
  budget: AnswerBudget,
): Promise<MailResult> {
  const { sender } = mail;
  if (mail.ignoreReason !== undefined || sender === undefined) {
    return { kind: "ignore", sender, reason: mail.ignoreReason ?? "no sender" };
  }
  const command = readInboundCommand(mail.subject, mail.text);
  if (command.kind === "none") return { kind: "ignore", sender, reason: "not a command" };
  if (mail.machine !== undefined && command.kind !== "unsubscribe") {
    return { kind: "ignore", sender, reason: mail.machine };
  }
  if (!budget.take(sender)) {
    return { kind: "ignore", sender, reason: "too many command mails from this address this hour" };
  }
  if (mail.machine !== undefined) {
    await commands.unsubscribe(sender);
    return { kind: "silent", sender, reason: mail.machine, outcome: { kind: "unsubscribed" } };
  }
  const answer = (outcome: InboundOutcome): MailResult => ({
    kind: "answer",
    sender,
    script: command.script,
    outcome,
  });
  const refuse = (verb: CommandVerb, problems: LineProblem[]) =>
    answer({ kind: "refused", verb, problems });
  if (command.kind === "invalid") return refuse(command.verb, command.problems);
  if (mail.truncated && command.kind !== "unsubscribe") {
    return refuse(command.kind, [{ line: 0, text: "", message: TOO_LONG }]);
  }
  try {
    switch (command.kind) {
      case "subscribe":
        await commands.subscribe(sender, command.queries, command.script);
        return answer({ kind: "subscribe-requested", queries: command.queries });
      case "unsubscribe":
        await commands.unsubscribe(sender);
        return answer({ kind: "unsubscribed" });
      case "keywords":
        return (await commands.replaceKeywords(sender, command.queries)) === "replaced"
          ? answer({ kind: "keywords-replaced", queries: command.queries })
          : answer({ kind: "not-subscribed" });
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return refuse(command.kind, [{ line: 0, text: "", message: error.message }]);
  }
}
