import fs from "node:fs/promises";
import { InputError } from "../errors";
import type { CommandMailbox, MailboxMessage } from "./imap-mailbox";
import { MAX_COMMAND_MAIL_BYTES } from "./read-command-mail";

/**
 * Mail files (.eml, as saved by a mail client or a server's queue) as a mailbox, for
 * `inbound process`: each file is one mail, its uid its place in the list from 1. Files cannot be
 * flagged; a report read twice is recognised by its recorded event, a command is idempotent.
 */
export async function openFileMailbox(files: readonly string[]): Promise<CommandMailbox> {
  const messages: MailboxMessage[] = [];
  for (const [i, file] of files.entries()) {
    let source: Buffer;
    try {
      source = await fs.readFile(file);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "unreadable";
      throw new InputError(`cannot read ${file} (${code}); nothing was processed`);
    }
    messages.push({
      uid: i + 1,
      source: source.subarray(0, MAX_COMMAND_MAIL_BYTES),
      truncated: source.length > MAX_COMMAND_MAIL_BYTES,
    });
  }
  let taken = 0;
  return {
    // Every file is handed out once, in order, however many polls ask.
    async unhandled(limit) {
      const batch = messages.slice(taken, taken + limit);
      taken += batch.length;
      return batch;
    },
    markHandled: async () => undefined,
    markUnclassified: async () => undefined,
    close: async () => undefined,
  };
}
