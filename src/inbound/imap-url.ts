/** Where the command mailbox is, from INBOUND_IMAP_URL. */
export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the start (imaps:); with imap: STARTTLS is used when the server offers it. */
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
  /** The URL without its password, for logs and messages. */
  description: string;
}

/**
 * Reads `imaps://user:pass@host[:993]/Mailbox` or `imap://…[:143]/…` (the mailbox defaults to
 * INBOX; user and password are percent-decoded, so an `@` in a user name is written `%40`).
 * Returns a problem sentence instead when the URL cannot be used.
 */
export function parseImapUrl(raw: string): ImapSettings | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: "not a URL" };
  }
  const secure = url.protocol === "imaps:";
  if (!secure && url.protocol !== "imap:") return { problem: "the scheme must be imaps: or imap:" };
  if (url.hostname === "") return { problem: "it names no host" };
  if (url.username === "" || url.password === "") {
    return { problem: "it needs a user and a password (imaps://user:pass@host/INBOX)" };
  }
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, "")) || "INBOX";
  const port = url.port === "" ? (secure ? 993 : 143) : Number(url.port);
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port,
    secure,
    user,
    pass: decodeURIComponent(url.password),
    mailbox,
    description: `${url.protocol}//${encodeURIComponent(user)}@${url.host}/${mailbox}`,
  };
}
