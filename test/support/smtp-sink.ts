import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** Envelope recipients, one entry per accepted message. */
  recipients: string[];
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Hold each 250 reply this long after the whole message arrived (a slow far end). */
  replyDelayMs?: number;
  /** Answer RCPT TO for these addresses with this SMTP error, e.g. { "x@y.org": 550 }. */
  refuse?: Record<string, number>;
  /** Called once a message has fully arrived, before it is answered. */
  onMessage?: (count: number) => void;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const recipients: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.[address.address];
      if (!code) return callback();
      const error = Object.assign(new Error(`mailbox ${address.address} refused`), {
        responseCode: code,
      });
      return callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          recipients.push(...session.envelope.rcptTo.map((r) => r.address));
          options.onMessage?.(messages.length);
          setTimeout(callback, options.replyDelayMs ?? 0);
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    recipients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
