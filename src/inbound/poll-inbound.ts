import type pino from "pino";
import { SendError, type MailTransport } from "../transport/mail-transport";
import type { AnswerBudget } from "./answer-budget";
import { carryOutCommand } from "./carry-out-command";
import type { CommandMailbox, MailboxMessage } from "./imap-mailbox";
import type { InboundCommands } from "./inbound-commands";
import { processReport, type ReportDeps } from "./process-report";
import { readCommandMail } from "./read-command-mail";
import { replyMessage } from "./reply-message";
import { mailboxAddress } from "../transport/email-address";

/** Mails handled per poll at most; a flood waits for the next polls instead of one long one. */
const MAX_MAILS_PER_POLL = 50;

/** What one poll did with one mail (for logs and `inbound poll`). */
export interface HandledMail {
  uid: number;
  sender?: string;
  subject: string;
  /** What was done: an outcome such as "subscribe-requested", or "ignored". */
  outcome: string;
  /** Why a mail was ignored or not answered, or what a refusal said. */
  detail?: string;
  /** The answer reached the SMTP server, was refused by it for good, or none was due. */
  answer: "sent" | "refused" | "none";
}

export interface PollDependencies {
  mailbox: CommandMailbox;
  /** Absent for a mailbox of bounces only (BOUNCE_IMAP_URL): any other mail is unclassified. */
  commands?: InboundCommands;
  /** Bounces and complaints are handled before commands are looked for. */
  reports?: ReportDeps;
  /** Command mails taken up per address and hour; shared by the polls of one poller. */
  budget: AnswerBudget;
  transport: MailTransport;
  /** MAIL_FROM: the answers' sender, and an address never answered. */
  from: string;
  publicUrl: string;
  logger: pino.Logger;
}

/**
 * Handles every unhandled mail in the mailbox, oldest first: read it, carry out its command,
 * answer it, flag it. The flag comes last, so a process that dies midway handles that mail again
 * next time (commands are idempotent; see README.md here). A transient failure (database, SMTP
 * 4xx) stops the poll with the mail unflagged; a permanent refusal of the answer does not.
 */
export async function pollInbound(deps: PollDependencies): Promise<HandledMail[]> {
  // Not validated: MAIL_FROM may well be digest@localhost, which no sender's address can equal.
  const ownAddress = mailboxAddress(deps.from).trim().toLowerCase();
  const handled: HandledMail[] = [];
  for (const message of await deps.mailbox.unhandled(MAX_MAILS_PER_POLL)) {
    const report = await handleReport(deps, message);
    if (report.kind === "handled") {
      handled.push(report.mail);
      continue;
    }
    const mail = await readCommandMail(message.source, {
      truncated: message.truncated,
      ownAddress,
    });
    const result = await carryOutCommand(mail, report.commands, deps.budget);
    const base = { uid: message.uid, sender: result.sender, subject: mail.subject };
    if (result.kind !== "answer") {
      const acted = result.kind === "silent";
      await deps.mailbox.markHandled(message.uid, acted);
      const outcome = acted ? result.outcome.kind : "ignored";
      handled.push({ ...base, outcome, detail: result.reason, answer: "none" });
      deps.logger.info(
        { uid: message.uid, outcome, reason: result.reason },
        "inbound mail not answered",
      );
      continue;
    }
    const answered = await sendAnswer(deps, replyMessage(mail, result, deps));
    await deps.mailbox.markHandled(message.uid, true);
    const { outcome } = result;
    const detail =
      outcome.kind === "refused" ? outcome.problems.map((p) => p.message).join("; ") : undefined;
    handled.push({ ...base, outcome: outcome.kind, detail, answer: answered ? "sent" : "refused" });
    deps.logger.info({ uid: message.uid, outcome: outcome.kind, answered }, "inbound mail handled");
  }
  return handled;
}

/**
 * A bounce or complaint, handled and flagged (read: no person needs to see it); one that could
 * not be classified is flagged so and left unread. A person's mail goes on to the commands.
 */
async function handleReport(
  deps: PollDependencies,
  message: MailboxMessage,
): Promise<
  { kind: "handled"; mail: HandledMail } | { kind: "command"; commands: InboundCommands }
> {
  const result = deps.reports
    ? await processReport(deps.reports, message.source)
    : ({ kind: "not-a-report" } as const);
  if (result.kind === "not-a-report" && deps.commands)
    return { kind: "command", commands: deps.commands };
  const base = { uid: message.uid, subject: "", answer: "none" } as const;
  if (result.kind === "done") {
    await deps.mailbox.markHandled(message.uid, true);
    deps.logger.info({ uid: message.uid, outcome: result.outcome }, "report handled");
    return { kind: "handled", mail: { ...base, outcome: result.outcome, detail: result.detail } };
  }
  await deps.mailbox.markUnclassified(message.uid);
  const outcome = result.kind === "left" ? result.outcome : "unclassified";
  const detail = result.kind === "left" ? result.detail : "not a bounce or complaint";
  deps.logger.warn({ uid: message.uid, outcome, detail }, "report left for a person");
  return { kind: "handled", mail: { ...base, outcome, detail } };
}

/** Sends an answer; false when the far end refused it for good (it is not retried). */
async function sendAnswer(
  deps: PollDependencies,
  reply: ReturnType<typeof replyMessage>,
): Promise<boolean> {
  try {
    await deps.transport.send(reply);
    return true;
  } catch (error) {
    if (!(error instanceof SendError && error.permanent)) throw error;
    deps.logger.warn({ to: reply.to, error: error.message }, "answer refused; not retried");
    return false;
  }
}
