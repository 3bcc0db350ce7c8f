import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** The messages exactly as they arrived, for checks on the bytes (DKIM). */
  raw: Buffer[];
  /** Envelope recipients, one entry per accepted message. */
  recipients: string[];
  /** Envelope senders (MAIL FROM), one entry per accepted message, beside `recipients`. */
  senders: string[];
  /** Transactions held by `stall` right now. */
  stalled(): number;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Hold each 250 reply this long after the whole message arrived (a slow far end). */
  replyDelayMs?: number;
  /** Answer RCPT TO for these addresses with this SMTP error, e.g. { "x@y.org": 550 }. */
  refuse?: Record<string, number>;
  /** Answer nothing until this many connections are open (or 20 s passed): all senders are in. */
  holdUntilConnections?: number;
  /** Called once a message has fully arrived, before it is answered. */
  onMessage?: (count: number) => void;
  /**
   * Never answer, for these recipients: `beforeData` holds their RCPT TO (the transaction never
   * reaches DATA), `afterData` takes their whole message and holds its reply.
   */
  stall?: { beforeData?: readonly string[]; afterData?: readonly string[] };
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const raw: Buffer[] = [];
  let connections = 0;
  const releaseAt = Date.now() + 20_000;
  const released = () =>
    connections >= (options.holdUntilConnections ?? 0) || Date.now() > releaseAt;
  const answer = (reply: () => void) => {
    const wait = () =>
      released() ? setTimeout(reply, options.replyDelayMs ?? 0) : setTimeout(wait, 50);
    wait();
  };

  const recipients: string[] = [];
  const senders: string[] = [];
  let stalled = 0;
  /** Holds the reply for a stalled recipient; true when it did. */
  const stalls = (at: "beforeData" | "afterData", addresses: readonly string[]) => {
    const held = addresses.some((a) => options.stall?.[at]?.includes(a));
    if (held) stalled += 1;
    return held;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // On close, connections still open (stalled ones) are told 421 and dropped at once.
    closeTimeout: 1,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (stalls("beforeData", [address.address])) return;
      const code = options.refuse?.[address.address];
      if (!code) return callback();
      const error = Object.assign(new Error(`mailbox ${address.address} refused`), {
        responseCode: code,
      });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      simpleParser(stream)
        .then((mail) => {
          raw.push(Buffer.concat(chunks));
          messages.push(mail);
          recipients.push(...session.envelope.rcptTo.map((r) => r.address));
          const from = session.envelope.mailFrom;
          senders.push(from ? from.address : "");
          options.onMessage?.(messages.length);
          if (
            stalls(
              "afterData",
              session.envelope.rcptTo.map((r) => r.address),
            )
          )
            return;
          answer(() => callback());
        })
        .catch(callback);
    },
  });
  // A sender killed mid-transaction resets its connection: the test's doing, not a sink failure.
  server.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    raw,
    recipients,
    senders,
    stalled: () => stalled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
