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

/** Where messages go: an SMTP server, or .eml files in an outbox folder. */
export interface MailTransport {
  readonly description: string;
  /** Resolves once the far end has accepted the message; throws SendError otherwise. */
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}
