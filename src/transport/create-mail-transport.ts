import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import DKIM from "nodemailer/lib/dkim";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { base64Part } from "./base64-part";
import { handOverStream } from "./hand-over-stream";
import {
  SendError,
  type HandOver,
  type MailTransport,
  type OutgoingMessage,
} from "./mail-transport";
import { messageOf } from "../errors";

/**
 * What nodemailer is given of a message. Digest bodies mix Chinese and ASCII markup; left to
 * choose, nodemailer scans each body to pick an encoding, finds more Latin letters than anything
 * else, and quoted-printable encodes ~20 KB in JS: ≈0.8 ms of CPU a message. Base64 needs no scan,
 * and mail clients decode both alike; the parts come base64 encoded (base64Part), and
 * `textEncoding` makes nodemailer encode non-ASCII headers the same way.
 */
function nodemailerMessage({ envelopeFrom, ...message }: OutgoingMessage) {
  return {
    ...message,
    ...(envelopeFrom ? { envelope: { from: envelopeFrom, to: message.to } } : {}),
    text: base64Part("text/plain", message.text),
    html: base64Part("text/html", message.html),
    textEncoding: "base64" as const,
  };
}

/** Where mail goes and how it is signed: MAIL_FROM, SMTP_URL, MAIL_OUTBOX_DIR, DKIM_*. */
export interface MailSettings {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
}

/** The SMTP pool's sizes, rate and timeouts (the send policy carries them). */
export interface SmtpPoolPolicy {
  maxConnections: number;
  maxMessages: number;
  ratePerSecond: number;
  connectionTimeoutMs: number;
  socketTimeoutMs: number;
}

/** SMTP when SMTP_URL is set, otherwise one .eml file per message in MAIL_OUTBOX_DIR. */
export function createMailTransport(mail: MailSettings, policy: SmtpPoolPolicy): MailTransport {
  return mail.smtpUrl
    ? smtpTransport(mail.smtpUrl, mail.dkim, policy)
    : outboxTransport(mail.outboxDir, mail.dkim);
}

/** nodemailer's pool with the policy's sizes, rate and timeouts. */
export function smtpPoolOptions(url: string, policy: SmtpPoolPolicy): SMTPPool.Options {
  return {
    url,
    pool: true,
    maxConnections: policy.maxConnections,
    maxMessages: policy.maxMessages,
    rateDelta: 1000,
    rateLimit: policy.ratePerSecond,
    connectionTimeout: policy.connectionTimeoutMs,
    greetingTimeout: policy.connectionTimeoutMs,
    socketTimeout: policy.socketTimeoutMs,
  } as SMTPPool.Options;
}

/** The key under which a message's hand-over callback rides along with it through nodemailer. */
const HAND_OVER = "arxivDigestHandOver";

/**
 * nodemailer's pool, with each message's stream wrapped so that its hand-over callback runs at
 * the first read (hand-over-stream.ts). The wrapper must be the last stage, after the DKIM
 * signer, which reads the whole message at once to hash it: so this transport signs in its own
 * stream plugin rather than through nodemailer's `dkim` option, whose signer is added last.
 */
function smtpTransport(
  url: string,
  dkim: MailSettings["dkim"],
  policy: SmtpPoolPolicy,
): MailTransport {
  const transporter = nodemailer.createTransport(smtpPoolOptions(url, policy));
  const signer = dkim && new DKIM(dkim);
  transporter.use("stream", (mail, done) => {
    if (signer) mail.message.processFunc((input) => signer.sign(input));
    const handOver = (mail.data as { [HAND_OVER]?: HandOver })[HAND_OVER];
    if (handOver) mail.message.processFunc((input) => handOverStream(input, handOver));
    done();
  });
  return {
    description: `SMTP ${new URL(url).host}`,
    async send(message, handOver) {
      try {
        const withHandOver = { ...nodemailerMessage(message), [HAND_OVER]: handOver };
        await transporter.sendMail(withHandOver);
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transporter.close(),
  };
}

/** 5xx answers are final; 4xx answers, timeouts and dropped connections are worth another try. */
function classifySmtpError(error: unknown): SendError {
  const code = (error as { responseCode?: number }).responseCode;
  const text = messageOf(error);
  return new SendError(text.replace(/\s+/g, " ").slice(0, 500), code !== undefined && code >= 500);
}

function outboxTransport(dir: string, dkim: MailSettings["dkim"]): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
    ...(dkim ? { dkim } : {}),
  });
  return {
    description: `outbox ${path.resolve(dir)}`,
    async send(message: OutgoingMessage, handOver?: HandOver) {
      const info = await transporter.sendMail(nodemailerMessage(message));
      await fs.mkdir(dir, { recursive: true });
      const name = `${message.messageId.replace(/[^A-Za-z0-9.@-]+/g, "")}.eml`;
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const tmp = path.join(dir, `.${name}.tmp`);
      await fs.writeFile(tmp, info.message as Buffer);
      // The rename is the hand-over: before it, no reader of the outbox can have the message.
      await handOver?.().catch(async (error: unknown) => {
        await fs.rm(tmp, { force: true });
        throw error;
      });
      await fs.rename(tmp, path.join(dir, name));
    },
    close: () => transporter.close(),
  };
}
