import fs from "node:fs";
import path from "node:path";

const DIR = path.resolve(__dirname, "..", "fixtures", "bounces");

/** The fields a fixture leaves open: the delivery's VERP address, the recipient, the Message-ID. */
/** The sender settings of the bounce tests: the digest domain, its bounce address and the MAC's key. */
export const BOUNCE_SENDER_ENV = {
  MAIL_FROM: "arXiv Digest <digest@digest.example.org>",
  PUBLIC_URL: "https://digest.example.org",
  MAIL_BOUNCE_ADDRESS: "bounces@digest.example.org",
  MAIL_BOUNCE_SECRET: "a-test-secret-of-at-least-32-characters",
};

export interface BounceFill {
  verp: string;
  recipient: string;
  messageId?: string;
}

/** The fixtures in test/fixtures/bounces (see its README), by file name. */
export const BOUNCE_FIXTURES = fs.readdirSync(DIR).filter((name) => name.endsWith(".eml"));

/** A fixture with its placeholders filled, as the mail would arrive for that delivery. */
export function bounceFixture(name: string, fill: BounceFill): Buffer {
  const text = fs
    .readFileSync(path.join(DIR, name), "utf8")
    .replaceAll("{{VERP}}", fill.verp)
    .replaceAll("{{RCPT}}", fill.recipient)
    .replaceAll("{{MESSAGE_ID}}", fill.messageId ?? "<digest.2026-12-01.1@digest.example.org>");
  return Buffer.from(text.replace(/\r?\n/g, "\r\n"));
}
