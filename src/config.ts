import crypto from "node:crypto";
import { isIP as ipVersion, isIPv4 } from "node:net";
import type { TranslatorSettings } from "./translate/create-translator";
import type { MailSettings } from "./transport/create-mail-transport";
import { validate } from "node-cron";
import { z } from "zod";
import { ConfigError, redactUserInfo } from "./errors";
import { parseImapUrl, type ImapSettings } from "./inbound/imap-url";
import type { WebhookSettings } from "./inbound/webhooks/webhook-settings";
import type { BounceAddressSettings } from "./mail/bounce-address";
import { DEFAULT_SEND_POLICY, type SendPolicy } from "./mail/send-policy";
import type { GlossaryEntry } from "./translate/glossary";
import { readGlossaryFile } from "./translate/glossary-file";
import { DEFAULT_TRANSLATE_POLICY } from "./translate/translate-policy";
import { mailboxAddress } from "./transport/email-address";
import { isTimeZone } from "./subscribers/time-zone";

/**
 * The one place environment variables are read. Everything else receives a typed `Config`.
 * Every bad variable is reported at once, one line each, naming the variable and what is expected.
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** A setting that is on or off: true/false, 1/0 or yes/no. */
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "true or false" })
    .default(String(fallback) as "true" | "false")
    .transform((v) => ["true", "1", "yes"].includes(v));

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .transform(Number)
    .pipe(z.number("a whole number").int("a whole number").positive("a number above 0"));

const portNumber = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform(Number)
    .pipe(
      z
        .number("a port number")
        .int("a port number")
        .min(1, "a port number")
        .max(65535, "a port number"),
    );

const isIP = (text: string) => ipVersion(text) !== 0;

/** An IP address, or a CIDR range of them (`10.0.0.0/8`), as TRUST_PROXY lists them. */
function isProxyAddress(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIPv4(address) ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

const SNS_TOPIC_ARN = /^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/;

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/arxiv-digest.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "file:<path> or postgresql://…"),
  SMTP_URL: optional.refine(
    (v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v),
    "smtp://user:pass@host:port or smtps://…",
  ),
  MAIL_OUTBOX_DIR: z.string().trim().default("./outbox"),
  MAIL_FROM: z
    .string()
    .trim()
    .default("arXiv Digest <digest@localhost>")
    .refine(
      (v) => /^([^<>\r\n]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(v),
      "an address, optionally with a name: Name <addr@host>",
    ),
  PUBLIC_URL: z
    .string()
    .trim()
    .default("http://localhost:3000")
    .pipe(z.url({ protocol: /^https?$/, error: "an http(s) URL" }))
    .transform((v) => v.replace(/\/+$/, "")),
  ARXIV_CATEGORIES: z
    .string()
    .trim()
    .default("cs")
    .refine(
      (v) => /^[a-z-]+(\.[A-Za-z-]+)?([+,][a-z-]+(\.[A-Za-z-]+)?)*$/.test(v),
      "categories joined by + or , e.g. cs.AI+cs.LG",
    )
    .transform((v) => v.split(/[+,]/)),
  ARXIV_CONTACT: optional.refine(
    (v) => v === undefined || !/[\r\n]/.test(v),
    "an email address or URL where arXiv can reach the operator",
  ),
  ARXIV_FEED_URL: z
    .string()
    .trim()
    .default("https://rss.arxiv.org/rss/")
    .pipe(z.url({ protocol: /^https?$/, error: "an http(s) URL" })),
  ARXIV_INCLUDE_REPLACEMENTS: flag(false),
  DIGEST_MAX_PAPERS: positiveInt(100),
  DIGEST_MAX_HTML_KB: positiveInt(100),
  DIGEST_TIME_ZONE: z
    .string()
    .trim()
    .default("Asia/Shanghai")
    .refine(isTimeZone, "an IANA time zone such as Asia/Shanghai"),
  PORT: portNumber("3000"),
  HOST: z.string().trim().default("0.0.0.0").refine(isIP, "an IP address to listen on"),
  METRICS_PORT: portNumber("9464"),
  METRICS_HOST: z.string().trim().default("127.0.0.1").refine(isIP, "an IP address to listen on"),
  TRUST_PROXY: z
    .string()
    .trim()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p !== ""),
    )
    .refine(
      (list) => list.every(isProxyAddress),
      "a comma-separated list of proxy IP addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8)",
    ),
  SCHEDULE_CRON: z
    .string()
    .trim()
    .default("0 20 * * 0-4")
    .refine((v) => validate(v), "a cron expression such as 0 20 * * 0-4"),
  SCHEDULE_TZ: z
    .string()
    .trim()
    .default("America/New_York")
    .refine(isTimeZone, "an IANA time zone such as America/New_York"),
  MAX_EDITION_AGE_HOURS: positiveInt(36),
  TRANSLATOR: z
    .enum(["none", "openai", "deepl"], { error: "none, openai or deepl" })
    .default("none"),
  TRANSLATOR_BASE_URL: optional.pipe(
    z
      .url({ protocol: /^https?$/, error: "an http(s) URL such as http://localhost:11434/v1" })
      .optional(),
  ),
  TRANSLATOR_API_KEY: optional,
  TRANSLATOR_MODEL: z
    .string()
    .trim()
    .default("gpt-4o-mini")
    .pipe(z.string().min(1, "a model name")),
  TRANSLATOR_MAX_PAPERS: positiveInt(DEFAULT_TRANSLATE_POLICY.maxPapers),
  TRANSLATOR_CONCURRENCY: positiveInt(DEFAULT_TRANSLATE_POLICY.concurrency),
  TRANSLATOR_TIMEOUT_SECONDS: positiveInt(DEFAULT_TRANSLATE_POLICY.timeoutMs / 1000),
  TRANSLATOR_GLOSSARY_FILE: optional,
  TRANSLATOR_SUMMARY: flag(true),
  SEND_RATE_PER_SECOND: positiveInt(DEFAULT_SEND_POLICY.ratePerSecond),
  SEND_RATE_PER_HOUR: z
    .string()
    .trim()
    .default("0")
    .transform(Number)
    .pipe(z.number("a whole number (0: no limit)").int("a whole number").min(0, "0 or more")),
  SEND_LEASE_SECONDS: positiveInt(DEFAULT_SEND_POLICY.leaseMs / 1000),
  SEND_CONNECTIONS: positiveInt(DEFAULT_SEND_POLICY.maxConnections),
  DKIM_DOMAIN: optional,
  DKIM_SELECTOR: optional,
  DKIM_PRIVATE_KEY: optional,
  INBOUND_IMAP_URL: optional,
  INBOUND_POLL_SECONDS: positiveInt(60),
  MAIL_BOUNCE_ADDRESS: optional.refine(
    (v) => v === undefined || /^[^\s@<>+]+@[^\s@<>]+\.[^\s@<>]+$/.test(v),
    "a plain address without + such as bounces@digest.example.org",
  ),
  MAIL_BOUNCE_SECRET: optional.refine(
    (v) => v === undefined || v.length >= 32,
    "at least 32 random characters (openssl rand -hex 32)",
  ),
  BOUNCE_IMAP_URL: optional,
  POSTMARK_WEBHOOK_USER: z
    .string()
    .trim()
    .default("postmark")
    .refine((v) => /^[^\s:]+$/.test(v), "a user name without spaces or a colon"),
  POSTMARK_WEBHOOK_PASSWORD: optional.refine(
    (v) => v === undefined || v.length >= 16,
    "at least 16 random characters (openssl rand -hex 16)",
  ),
  MAILGUN_WEBHOOK_SIGNING_KEY: optional,
  SES_WEBHOOK_TOPIC_ARN: optional.refine(
    (v) => v === undefined || v.split(",").every((arn) => SNS_TOPIC_ARN.test(arn.trim())),
    "SNS topic ARNs, comma-separated: arn:aws:sns:<region>:<account>:<topic>",
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["auto", "json", "pretty"], "auto, json or pretty").default("auto"),
});

/** Variables whose value is a secret: a problem with one names it but never shows the value. */
const SECRETS = new Set([
  "TRANSLATOR_API_KEY",
  "DKIM_PRIVATE_KEY",
  "MAIL_BOUNCE_SECRET",
  "POSTMARK_WEBHOOK_PASSWORD",
  "MAILGUN_WEBHOOK_SIGNING_KEY",
]);

/** The variables this program reads; .env.example documents exactly these. */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

export type Env = Record<string, string | undefined>;

export interface Config {
  databaseUrl: string;
  mail: MailSettings;
  publicUrl: string;
  /** Sending limits: the defaults of send-policy.ts with the configured rates and lease. */
  send: SendPolicy;
  arxiv: {
    categories: string[];
    includeReplacements: boolean;
    /** Who arXiv can contact about our traffic (its terms ask for it in the User-Agent). */
    contact: string;
    feedUrl: string;
  };
  /** maxHtmlKb: past this, a digest's abstracts are shortened (Gmail clips mail over ~102 KB). */
  digest: { maxPapers: number; maxHtmlKb: number; timeZone: string };
  translator: TranslatorSettings;
  /**
   * The pages on host:port; /metrics on metricsHost:metricsPort (loopback by default: it is for
   * a scraper on the same host, not the public); X-Forwarded-For believed only from trustProxy.
   */
  server: {
    host: string;
    port: number;
    metricsHost: string;
    metricsPort: number;
    trustProxy: string[];
  };
  schedule: {
    cron: string;
    timeZone: string;
    /** An edition announced longer ago than this is not mailed by the scheduler (only by hand). */
    maxEditionAgeHours: number;
  };
  /** Subscribe-by-mail: the command mailbox and how often it is polled; unset: off. */
  inbound?: { imap: ImapSettings; pollMs: number };
  /** MAIL_BOUNCE_ADDRESS and its MAC key: each digest's envelope sender names its delivery. */
  bounces?: BounceAddressSettings;
  /** BOUNCE_IMAP_URL: a mailbox of bounces and complaints only (else they come to `inbound`'s). */
  bounceMailbox?: { imap: ImapSettings; pollMs: number };
  /** Provider webhooks for bounces and complaints, each on only when its secret is set. */
  webhooks: WebhookSettings;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  /** auto: short human lines when stderr is a terminal, JSON lines otherwise. */
  logFormat: z.infer<typeof schema>["LOG_FORMAT"];
}

/** Reads and validates the environment; throws ConfigError naming every variable at fault. */
export function loadConfig(env: Env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        // The value may be a URL with a password in it (SMTP_URL, DATABASE_URL …), or a secret:
        // never echo either.
        const value = env[name] ?? "";
        const got = SECRETS.has(name)
          ? `${value.trim().length} characters`
          : JSON.stringify(redactUserInfo(value));
        return `${name} is invalid: expected ${issue.message} (got ${got})`;
      }),
    );
  }
  const v = parsed.data;
  return {
    databaseUrl: v.DATABASE_URL,
    mail: {
      smtpUrl: v.SMTP_URL,
      outboxDir: v.MAIL_OUTBOX_DIR,
      from: v.MAIL_FROM,
      dkim: dkimConfig(v.DKIM_DOMAIN, v.DKIM_SELECTOR, v.DKIM_PRIVATE_KEY),
    },
    publicUrl: v.PUBLIC_URL,
    send: {
      ...DEFAULT_SEND_POLICY,
      ratePerSecond: v.SEND_RATE_PER_SECOND,
      ratePerHour: v.SEND_RATE_PER_HOUR,
      leaseMs: v.SEND_LEASE_SECONDS * 1000,
      maxConnections: v.SEND_CONNECTIONS,
      concurrency: v.SEND_CONNECTIONS,
    },
    arxiv: {
      categories: v.ARXIV_CATEGORIES,
      includeReplacements: v.ARXIV_INCLUDE_REPLACEMENTS,
      contact: v.ARXIV_CONTACT ?? mailboxAddress(v.MAIL_FROM),
      feedUrl: v.ARXIV_FEED_URL,
    },
    digest: {
      maxPapers: v.DIGEST_MAX_PAPERS,
      maxHtmlKb: v.DIGEST_MAX_HTML_KB,
      timeZone: v.DIGEST_TIME_ZONE,
    },
    translator: translatorConfig(v),
    server: {
      host: v.HOST,
      port: v.PORT,
      metricsHost: v.METRICS_HOST,
      metricsPort: v.METRICS_PORT,
      trustProxy: v.TRUST_PROXY,
    },
    schedule: {
      cron: v.SCHEDULE_CRON,
      timeZone: v.SCHEDULE_TZ,
      maxEditionAgeHours: v.MAX_EDITION_AGE_HOURS,
    },
    inbound: inboundConfig("INBOUND_IMAP_URL", v.INBOUND_IMAP_URL, v.INBOUND_POLL_SECONDS),
    bounces: bounceConfig(v.MAIL_BOUNCE_ADDRESS, v.MAIL_BOUNCE_SECRET),
    bounceMailbox: inboundConfig("BOUNCE_IMAP_URL", v.BOUNCE_IMAP_URL, v.INBOUND_POLL_SECONDS),
    webhooks: webhookConfig(v),
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT,
  };
}

/** A polled mailbox; its problem is named without echoing the URL (it holds a password). */
function inboundConfig(
  name: string,
  url: string | undefined,
  pollSeconds: number,
): Config["inbound"] {
  if (url === undefined) return undefined;
  const imap = parseImapUrl(url);
  if ("problem" in imap) {
    throw new ConfigError([
      `${name} is invalid: ${imap.problem} (expected imaps://user:pass@host:993/INBOX or imap://…:143/…)`,
    ]);
  }
  return { imap, pollMs: pollSeconds * 1000 };
}

/** The bounce address needs its MAC key: without it anyone could write a bounce for anyone. */
function bounceConfig(address?: string, secret?: string): Config["bounces"] {
  if (address === undefined && secret === undefined) return undefined;
  if (!address || !secret) {
    throw new ConfigError([
      "MAIL_BOUNCE_ADDRESS and MAIL_BOUNCE_SECRET must be set together (the secret signs each delivery's bounce address; openssl rand -hex 32)",
    ]);
  }
  return { address: address.toLowerCase(), secret };
}

/** Postmark by its basic-auth password, Mailgun by its signing key, SES by its topics. */
function webhookConfig(v: z.infer<typeof schema>): WebhookSettings {
  const topics = v.SES_WEBHOOK_TOPIC_ARN?.split(",").map((arn) => arn.trim());
  return {
    postmark: v.POSTMARK_WEBHOOK_PASSWORD
      ? { user: v.POSTMARK_WEBHOOK_USER, password: v.POSTMARK_WEBHOOK_PASSWORD }
      : undefined,
    mailgun: v.MAILGUN_WEBHOOK_SIGNING_KEY
      ? { signingKey: v.MAILGUN_WEBHOOK_SIGNING_KEY }
      : undefined,
    ses: topics ? { topicArns: topics } : undefined,
  };
}

function dkimConfig(domain?: string, selector?: string, key?: string): Config["mail"]["dkim"] {
  const given = [domain, selector, key].filter((x) => x !== undefined).length;
  if (given === 0) return undefined;
  if (given < 3 || !domain || !selector || !key) {
    throw new ConfigError([
      "DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together (or none of them)",
    ]);
  }
  const privateKey = key.replace(/\\n/g, "\n");
  // nodemailer signs nothing, silently, with a key it cannot read: read it once here instead.
  try {
    crypto.createPrivateKey(privateKey);
  } catch {
    throw new ConfigError([
      "DKIM_PRIVATE_KEY is invalid: expected a PEM private key (-----BEGIN PRIVATE KEY----- …; \\n for line breaks)",
    ]);
  }
  return { domainName: domain, keySelector: selector, privateKey };
}

/**
 * The translator's settings, checked together. OpenAI's own endpoint needs a key; a server named
 * by TRANSLATOR_BASE_URL (Ollama, vLLM, a proxy) may need none, so none is asked for then. DeepL
 * always needs one. The glossary file is read here so a mistake in it stops the program at start.
 */
function translatorConfig(v: z.infer<typeof schema>): Config["translator"] {
  const problems: string[] = [];
  if (v.TRANSLATOR === "openai" && !v.TRANSLATOR_API_KEY && !v.TRANSLATOR_BASE_URL) {
    problems.push(
      "TRANSLATOR_API_KEY is required for TRANSLATOR=openai on api.openai.com (or set TRANSLATOR_BASE_URL to a server that needs no key, e.g. Ollama's http://localhost:11434/v1)",
    );
  }
  if (v.TRANSLATOR === "deepl" && !v.TRANSLATOR_API_KEY) {
    problems.push(
      "TRANSLATOR_API_KEY is required for TRANSLATOR=deepl (your DeepL authentication key; free-plan keys end in :fx)",
    );
  }
  let glossary: GlossaryEntry[] = [];
  if (v.TRANSLATOR_GLOSSARY_FILE) {
    const read = readGlossaryFile(v.TRANSLATOR_GLOSSARY_FILE);
    const file = JSON.stringify(v.TRANSLATOR_GLOSSARY_FILE);
    problems.push(...read.problems.map((p) => `TRANSLATOR_GLOSSARY_FILE ${file} ${p}`));
    glossary = read.entries;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    provider: v.TRANSLATOR,
    baseUrl: v.TRANSLATOR_BASE_URL,
    apiKey: v.TRANSLATOR_API_KEY,
    model: v.TRANSLATOR_MODEL,
    maxPapers: v.TRANSLATOR_MAX_PAPERS,
    concurrency: v.TRANSLATOR_CONCURRENCY,
    timeoutMs: v.TRANSLATOR_TIMEOUT_SECONDS * 1000,
    glossary,
    summary: v.TRANSLATOR_SUMMARY,
  };
}
