import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

/**
 * Connects to SMTP_URL, logs in if it names a user, and hangs up (nodemailer's verify); for
 * `doctor`. Throws what the server or the network said.
 */
export async function verifySmtp(smtpUrl: string, timeoutMs: number): Promise<void> {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as SMTPTransport.Options);
  try {
    await transporter.verify();
  } finally {
    transporter.close();
  }
}
