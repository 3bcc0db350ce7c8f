import type pino from "pino";
import type { SubscriptionService } from "../subscribers/subscription-service";
import type { MailTransport } from "../transport/mail-transport";
import { ConfigError, messageOf } from "../errors";
import { AnswerBudget } from "./answer-budget";
import { openImapMailbox } from "./imap-mailbox";
import type { ImapSettings } from "./imap-url";
import { pollInbound, type HandledMail } from "./poll-inbound";
import { subscriptionCommands } from "./subscription-commands";

/** The command mailbox's settings and the services a poll uses. */
export interface MailboxDeps {
  /** INBOUND_IMAP_URL and INBOUND_POLL_SECONDS; undefined when unset. */
  inbound?: { imap: ImapSettings; pollMs: number };
  subscriptions: SubscriptionService;
  transport(): MailTransport;
  /** MAIL_FROM and PUBLIC_URL, for the answers. */
  from: string;
  publicUrl: string;
  logger: pino.Logger;
}

/** One poll of INBOUND_IMAP_URL: log in, handle, log out. */
export async function pollCommandMailbox(
  deps: MailboxDeps,
  budget = new AnswerBudget(),
): Promise<HandledMail[]> {
  const inbound = deps.inbound;
  if (!inbound) {
    throw new ConfigError([
      "INBOUND_IMAP_URL is not set; set it to the command mailbox, e.g. imaps://user:pass@host:993/INBOX",
    ]);
  }
  const mailbox = await openImapMailbox(inbound.imap);
  try {
    return await pollInbound({
      mailbox,
      commands: subscriptionCommands(deps.subscriptions),
      budget,
      transport: deps.transport(),
      from: deps.from,
      publicUrl: deps.publicUrl,
      logger: deps.logger,
    });
  } finally {
    await mailbox.close();
  }
}

/**
 * Polls the command mailbox every INBOUND_POLL_SECONDS while `serve` runs (nothing when
 * INBOUND_IMAP_URL is unset). Polls never overlap: the next is timed from the end of the last.
 * A failed poll (server down, wrong password) is logged and tried again at the next one.
 * Each poll logs in afresh, so a dropped connection costs nothing but that poll.
 */
export function startInboundPoller(deps: MailboxDeps): { stop(): Promise<void> } {
  const inbound = deps.inbound;
  if (!inbound) return { stop: async () => undefined };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const budget = new AnswerBudget();
  const poll = () => {
    running = pollCommandMailbox(deps, budget)
      .then(
        (handled) => {
          if (handled.length > 0) deps.logger.info({ mails: handled.length }, "inbound poll done");
        },
        (error: unknown) => {
          const message = messageOf(error);
          deps.logger.error({ error: message }, "inbound poll failed; trying again at the next");
        },
      )
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(poll, inbound.pollMs);
      });
  };
  deps.logger.info({ mailbox: inbound.imap.description }, "polling the command mailbox");
  poll();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
