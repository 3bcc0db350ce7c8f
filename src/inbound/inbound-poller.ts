import type { App } from "../container";
import { ConfigError, messageOf } from "../errors";
import { AnswerBudget } from "./answer-budget";
import { openImapMailbox } from "./imap-mailbox";
import { pollInbound, type HandledMail } from "./poll-inbound";
import { subscriptionCommands } from "./subscription-commands";

/** One poll of INBOUND_IMAP_URL with the app's services: log in, handle, log out. */
export async function pollAppMailbox(
  app: App,
  budget = new AnswerBudget(),
): Promise<HandledMail[]> {
  const inbound = app.config.inbound;
  if (!inbound) {
    throw new ConfigError([
      "INBOUND_IMAP_URL is not set; set it to the command mailbox, e.g. imaps://user:pass@host:993/INBOX",
    ]);
  }
  const mailbox = await openImapMailbox(inbound.imap);
  try {
    return await pollInbound({
      mailbox,
      commands: subscriptionCommands(app.subscriptions),
      budget,
      transport: app.transport(),
      from: app.config.mail.from,
      publicUrl: app.config.publicUrl,
      logger: app.logger,
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
export function startInboundPoller(app: App): { stop(): Promise<void> } {
  const inbound = app.config.inbound;
  if (!inbound) return { stop: async () => undefined };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const budget = new AnswerBudget();
  const poll = () => {
    running = pollAppMailbox(app, budget)
      .then(
        (handled) => {
          if (handled.length > 0) app.logger.info({ mails: handled.length }, "inbound poll done");
        },
        (error: unknown) => {
          const message = messageOf(error);
          app.logger.error({ error: message }, "inbound poll failed; trying again at the next");
        },
      )
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(poll, inbound.pollMs);
      });
  };
  app.logger.info({ mailbox: inbound.imap.description }, "polling the command mailbox");
  poll();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
