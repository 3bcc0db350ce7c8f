import { ImapFlow } from "imapflow";
import { AppError } from "../errors";
import type { ImapSettings } from "./imap-url";
import { MAX_COMMAND_MAIL_BYTES } from "./read-command-mail";

/**
 * The keyword a handled mail carries. Searching for mails without it is how a poll finds its
 * work, so the mailbox itself is the record of what was handled; nothing is kept elsewhere.
 */
export const HANDLED_KEYWORD = "$ArxivDigestHandled";
/**
 * The keyword of a bounce-like mail that could not be read or tied to a delivery: left unread for
 * a person and not handled, but not fetched again, so a pile of them cannot crowd out new mail.
 */
export const UNCLASSIFIED_KEYWORD = "$ArxivDigestUnclassified";
/** Older mails are not looked at: pointing the poller at a full mailbox must not answer years of it. */
const MAX_AGE_DAYS = 7;

/** One received mail, as much of it as is read. */
export interface MailboxMessage {
  uid: number;
  source: Buffer;
  /** Only the first MAX_COMMAND_MAIL_BYTES were read. */
  truncated: boolean;
}

/** The command mailbox as the poller sees it. */
export interface CommandMailbox {
  /** Mails not yet handled (received in the last 7 days), oldest first, at most `limit`. */
  unhandled(limit: number): Promise<MailboxMessage[]>;
  /** Flags a mail handled; an answered one is also marked \Seen, an ignored one is left unread for a person. */
  markHandled(uid: number, answered: boolean): Promise<void>;
  /** Flags a bounce-like mail that could not be classified (it stays unread and unhandled). */
  markUnclassified(uid: number): Promise<void>;
  close(): Promise<void>;
}

/** The mailbox cannot be reached or used; the message names it (without the password). */
class MailboxError extends AppError {
  constructor(message: string) {
    super("MAILBOX_UNAVAILABLE", message);
  }
}

/** Logs in, opens the mailbox and checks that it keeps custom keywords. */
export async function openImapMailbox(
  settings: ImapSettings,
  now = new Date(),
): Promise<CommandMailbox> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.pass },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
  // A dropped connection is reported by the next command; without a listener it would crash us.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new MailboxError(`cannot log in to ${settings.description}: ${describe(error)}`);
  }
  try {
    const opened = await client.mailboxOpen(settings.mailbox);
    if (!opened.permanentFlags?.has("\\*")) {
      throw new MailboxError(
        `${settings.description} does not keep custom keywords (${HANDLED_KEYWORD} marks handled mail); use a mailbox that does`,
      );
    }
  } catch (error) {
    await client.logout().catch(() => undefined);
    if (error instanceof MailboxError) throw error;
    throw new MailboxError(`cannot open ${settings.description}: ${describe(error)}`);
  }
  const since = new Date(now.getTime() - MAX_AGE_DAYS * 86_400_000);
  return {
    async unhandled(limit) {
      const found = await client.search(
        { unKeyword: HANDLED_KEYWORD, not: { keyword: UNCLASSIFIED_KEYWORD }, since },
        { uid: true },
      );
      const uids = (found || []).sort((a, b) => a - b).slice(0, limit);
      if (uids.length === 0) return [];
      const messages: MailboxMessage[] = [];
      // source is fetched with BODY.PEEK: reading a mail does not mark it \Seen by itself.
      const query = { uid: true, size: true, source: { maxLength: MAX_COMMAND_MAIL_BYTES } };
      for await (const message of client.fetch(uids, query, { uid: true })) {
        if (!message.source) continue;
        messages.push({
          uid: message.uid,
          source: message.source,
          truncated: (message.size ?? 0) > MAX_COMMAND_MAIL_BYTES,
        });
      }
      return messages.sort((a, b) => a.uid - b.uid);
    },
    async markHandled(uid, answered) {
      const flags = answered ? ["\\Seen", HANDLED_KEYWORD] : [HANDLED_KEYWORD];
      await client.messageFlagsAdd([uid], flags, { uid: true });
    },
    async markUnclassified(uid) {
      await client.messageFlagsAdd([uid], [UNCLASSIFIED_KEYWORD], { uid: true });
    },
    async close() {
      await client.logout().catch(() => client.close());
    },
  };
}

function describe(error: unknown): string {
  const e = error as { responseText?: string; message?: string; code?: string };
  return (e.responseText ?? e.message ?? String(error)).replace(/\s+/g, " ").slice(0, 300);
}
