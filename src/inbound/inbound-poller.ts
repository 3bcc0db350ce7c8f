import type pino from "pino";
import type { SubscriptionService } from "../subscribers/subscription-service";
import type { MailTransport } from "../transport/mail-transport";
import { ConfigError, messageOf } from "../errors";
import { AnswerBudget } from "./answer-budget";
import { openFileMailbox } from "./file-mailbox";
import { openImapMailbox, type CommandMailbox } from "./imap-mailbox";
import type { ImapSettings } from "./imap-url";
import { pollInbound, type HandledMail } from "./poll-inbound";
import type { ReportDeps } from "./process-report";
import { subscriptionCommands } from "./subscription-commands";

/** The command mailbox's settings and the services a poll uses. */
export interface MailboxDeps {
  /** INBOUND_IMAP_URL and INBOUND_POLL_SECONDS; undefined when unset. */
  inbound?: { imap: ImapSettings; pollMs: number };
  /** BOUNCE_IMAP_URL: a mailbox of bounces and complaints only; undefined when unset. */
  bounceMailbox?: { imap: ImapSettings; pollMs: number };
  /** Bounces and complaints, in either mailbox and in mail files. */
  reports: ReportDeps;
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
  return handleMailbox(deps, await openImapMailbox(inbound.imap), budget, true);
}

/** One poll of BOUNCE_IMAP_URL (nothing when it is unset): bounces and complaints only. */
export async function pollBounceMailbox(deps: MailboxDeps): Promise<HandledMail[]> {
  if (!deps.bounceMailbox) return [];
  return handleMailbox(
    deps,
    await openImapMailbox(deps.bounceMailbox.imap),
    new AnswerBudget(),
    false,
  );
}

/** `inbound process`: mail files handled as a poll would handle them (reports and commands). */
export async function processMailFiles(
  deps: MailboxDeps,
  files: readonly string[],
): Promise<HandledMail[]> {
  const mailbox = await openFileMailbox(files);
  const handled: HandledMail[] = [];
  for (;;) {
    const batch = await handleMailbox(deps, mailbox, new AnswerBudget(), true);
    if (batch.length === 0) return handled;
    handled.push(...batch);
  }
}

async function handleMailbox(
  deps: MailboxDeps,
  mailbox: CommandMailbox,
  budget: AnswerBudget,
  commandsToo: boolean,
): Promise<HandledMail[]> {
  try {
    return await pollInbound({
      mailbox,
      commands: commandsToo ? subscriptionCommands(deps.subscriptions) : undefined,
      reports: deps.reports,
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
 * Polls the command mailbox (and BOUNCE_IMAP_URL's, when set) every INBOUND_POLL_SECONDS while
 * `serve` runs (nothing when neither is set). Polls of one mailbox never overlap: the next is
 * timed from the end of the last. A failed poll (server down, wrong password) is logged and tried
 * again at the next one. Each poll logs in afresh, so a dropped connection costs nothing but that poll.
 */
export function startInboundPoller(deps: MailboxDeps): { stop(): Promise<void> } {
  const budget = new AnswerBudget();
  const pollers = [
    deps.inbound &&
      startPolling(deps, "command", deps.inbound, () => pollCommandMailbox(deps, budget)),
    deps.bounceMailbox &&
      startPolling(deps, "bounce", deps.bounceMailbox, () => pollBounceMailbox(deps)),
  ].filter((p) => p !== undefined);
  return {
    async stop() {
      await Promise.all(pollers.map((p) => p.stop()));
    },
  };
}

function startPolling(
  deps: MailboxDeps,
  name: string,
  settings: { imap: ImapSettings; pollMs: number },
  pollOnce: () => Promise<HandledMail[]>,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const poll = () => {
    running = pollOnce()
      .then(
        (handled) => {
          if (handled.length > 0) deps.logger.info({ mails: handled.length }, `${name} poll done`);
        },
        (error: unknown) => {
          const message = messageOf(error);
          deps.logger.error({ error: message }, `${name} poll failed; trying again at the next`);
        },
      )
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(poll, settings.pollMs);
      });
  };
  deps.logger.info({ mailbox: settings.imap.description }, `polling the ${name} mailbox`);
  poll();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
