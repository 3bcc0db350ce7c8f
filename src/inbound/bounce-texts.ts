/**
 * How the mail systems that do not (or not only) send RFC 3464 reports word a bounce. Each entry
 * is one MTA's documented or long-observed text, matched against the subject and body; `kind` is
 * what the text says when the report carries no status code of its own (a code, where there is
 * one, decides: 5.x.x hard, 4.x.x soft).
 */
export interface BounceText {
  mta: string;
  kind: "hard" | "soft";
  pattern: RegExp;
}

export const BOUNCE_TEXTS: readonly BounceText[] = [
  // qmail-send (qmail's bounce, "QSBMF"): the only wording qmail has.
  { mta: "qmail", kind: "hard", pattern: /This is a permanent error; I've given up/i },
  {
    mta: "qmail",
    kind: "soft",
    pattern: /has not been delivered to the recipients?\b.*\bI'm still trying/is,
  },
  // Exim's own bounce and its delay warning.
  {
    mta: "exim",
    kind: "hard",
    pattern:
      /could not be delivered to one or more of its\s+recipients\.\s+This is a permanent error/i,
  },
  { mta: "exim", kind: "soft", pattern: /^Warning: message \S+ delayed/im },
  // Postfix's notice (above its DSN, or alone when DSNs are off).
  {
    mta: "postfix",
    kind: "hard",
    pattern: /I'm sorry to have to inform you that your message could not\s+be delivered/i,
  },
  {
    mta: "postfix",
    kind: "soft",
    pattern: /THIS IS A WARNING ONLY\.\s+YOU DO NOT NEED TO RESEND YOUR MESSAGE/i,
  },
  // Exchange and Office 365 non-delivery reports.
  { mta: "exchange", kind: "hard", pattern: /Delivery has failed to these recipients or groups/i },
  {
    mta: "exchange",
    kind: "hard",
    pattern:
      /Your message (?:did not|couldn't|could not) reach some or all of the intended recipients/i,
  },
  { mta: "exchange", kind: "soft", pattern: /Delivery is delayed to these recipients or groups/i },
  // Gmail's notices.
  { mta: "gmail", kind: "hard", pattern: /Your message wasn't delivered to \S+ because/i },
  {
    mta: "gmail",
    kind: "hard",
    pattern: /The email account that you tried to reach does not exist/i,
  },
  { mta: "gmail", kind: "soft", pattern: /There was a temporary problem delivering your message/i },
];

/**
 * The first enhanced status code (RFC 3463) in a text, e.g. 5.1.1; none inside IP addresses or
 * version numbers (hence the look-arounds).
 */
export function statusCodeIn(text: string): string | undefined {
  return /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)/.exec(text)?.[1];
}
