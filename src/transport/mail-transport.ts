/** A message ready to hand to a transport; nodemailer builds the MIME. */
export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  /** The envelope sender (MAIL FROM, the Return-Path at the far end) when not `from`'s address. */
  envelopeFrom?: string;
  list?: { id: { url: string; comment: string } };
}

/** Why a send did not go through: retry later, or never. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "SendError";
  }
}

/**
 * Called at the hand-over point, the last moment before which the far end cannot have the
 * message: for SMTP once DATA was accepted and before the first byte of the message is written,
 * for the outbox before the file is renamed into place. The transport waits for it; a rejection
 * stops the send there (a message cut off before its final dot is dropped by the server).
 */
export type HandOver = () => Promise<void>;

/** Where messages go: an SMTP server, or .eml files in an outbox folder. */
export interface MailTransport {
  readonly description: string;
  /**
   * Resolves once the far end has accepted the message; throws SendError otherwise. With
   * `handOver`, waits for it at the hand-over point before the message can be complete.
   */
  send(message: OutgoingMessage, handOver?: HandOver): Promise<void>;
  close(): void;
}
