import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Config } from "../config";
import { openDatabase } from "../db/create-database";
import { shippedMigrations } from "../db/migrate-database";
import { databaseTarget } from "../db/database-target";
import { feedUrl } from "../arxiv/feed-fetcher";
import { deeplBaseUrl } from "../translate/deepl-translator";
import { openAiUrl } from "../translate/openai-translator";
import { messageOf } from "../errors";

type Verdict = "ok" | "warn" | "fail";

/** One line of `doctor`: what was checked, the verdict, and what was found. */
export interface CheckResult {
  check: string;
  verdict: Verdict;
  detail: string;
}

export interface CheckOptions {
  /** Leave out everything that needs the network (SMTP, translator, arXiv). */
  offline: boolean;
  /** The most any one check may take. */
  timeoutMs: number;
}

const ok = (check: string, detail: string): CheckResult => ({ check, verdict: "ok", detail });
const warn = (check: string, detail: string): CheckResult => ({ check, verdict: "warn", detail });
const fail = (check: string, detail: string): CheckResult => ({ check, verdict: "fail", detail });
const offline = (check: string) => warn(check, "not checked (--offline)");

function reason(error: unknown): string {
  const text = messageOf(error);
  // Prisma wraps the driver's words in a paragraph about the call; the words are what matter.
  const driver = /Message: `([^`]+)`/.exec(text)?.[1] ?? text;
  return driver.replace(/\s+/g, " ").trim().slice(0, 300);
}

/** Rejects after `ms`, so no check can hang the command. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The database answers, and every migration this version ships is applied (none unknown to it).
 * Read-only: unlike every other command, doctor does not migrate.
 */
export async function checkDatabase(config: Config, options: CheckOptions): Promise<CheckResult[]> {
  const target = databaseTarget(config.databaseUrl);
  if (target.provider === "sqlite" && !fs.existsSync(target.file)) {
    return [warn("database", `no SQLite file yet at ${target.file}; the first command creates it`)];
  }
  const where =
    target.provider === "sqlite"
      ? `SQLite ${target.file}`
      : `PostgreSQL ${new URL(target.url).host}`;
  const db = await openDatabase(target);
  try {
    await within(options.timeoutMs, db.$queryRawUnsafe("SELECT 1"));
    const applied = await within(
      options.timeoutMs,
      db.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
    ).catch(() => []);
    const shipped = shippedMigrations(target.provider);
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = shipped.filter((name) => !done.has(name));
    const unknown = [...done].filter((name) => !shipped.includes(name));
    return [
      ok("database", `${where} answers`),
      unknown.length > 0
        ? fail(
            "migrations",
            `applied migrations this version does not know (a newer version ran here?): ${unknown.join(", ")}`,
          )
        : pending.length > 0
          ? warn(
              "migrations",
              `${pending.length} not applied yet (any command or "db migrate" applies them): ${pending.join(", ")}`,
            )
          : ok("migrations", `all ${shipped.length} applied`),
    ];
  } catch (error) {
    return [fail("database", `${where}: ${reason(error)}`)];
  } finally {
    await db.$disconnect();
  }
}

/** SMTP answers and accepts the credentials (nodemailer's verify), or the outbox is writable. */
export async function checkMail(config: Config, options: CheckOptions): Promise<CheckResult> {
  const { smtpUrl, outboxDir } = config.mail;
  if (!smtpUrl) {
    try {
      // The folder is made by the first send; until then its nearest existing parent must do.
      let dir = path.resolve(outboxDir);
      while (!fs.existsSync(dir)) dir = path.dirname(dir);
      fs.accessSync(dir, fs.constants.W_OK);
      return ok(
        "mail",
        `no SMTP_URL: digests are written to ${path.resolve(outboxDir)} (writable)`,
      );
    } catch (error) {
      return fail("mail", `the outbox ${outboxDir} is not writable: ${reason(error)}`);
    }
  }
  const host = new URL(smtpUrl).host;
  if (options.offline) return offline("mail");
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  } as SMTPTransport.Options);
  try {
    await within(options.timeoutMs, transporter.verify());
    return ok(
      "mail",
      `SMTP ${host} accepts connections${new URL(smtpUrl).username ? " and the login" : ""}`,
    );
  } catch (error) {
    return fail("mail", `SMTP ${host}: ${reason(error)}`);
  } finally {
    transporter.close();
  }
}

/** The translation provider answers and accepts the key (a read-only request, no translation). */
export async function checkTranslator(config: Config, options: CheckOptions): Promise<CheckResult> {
  const t = config.translator;
  if (t.provider === "none") return ok("translator", "none configured: digests are English only");
  if (options.offline) return offline("translator");
  const request: { url: string; headers: Record<string, string> } =
    t.provider === "openai"
      ? {
          url: openAiUrl(t.baseUrl, "models"),
          headers: t.apiKey ? { authorization: `Bearer ${t.apiKey}` } : {},
        }
      : {
          url: `${deeplBaseUrl(t.apiKey ?? "", t.baseUrl)}/v2/usage`,
          headers: { authorization: `DeepL-Auth-Key ${t.apiKey ?? ""}` },
        };
  return httpCheck("translator", `${t.provider} ${new URL(request.url).host}`, request, options);
}

/** arXiv's feed for the first configured category answers (one polite request). */
export async function checkArxiv(
  config: Config,
  options: CheckOptions,
  userAgent: string,
): Promise<CheckResult> {
  if (options.offline) return offline("arxiv");
  const category = config.arxiv.categories[0] ?? "cs";
  const url = feedUrl(config.arxiv.feedUrl, category);
  return httpCheck("arxiv", `feed ${url}`, { url, headers: { "user-agent": userAgent } }, options);
}

async function httpCheck(
  check: string,
  what: string,
  request: { url: string; headers: Record<string, string> },
  options: CheckOptions,
): Promise<CheckResult> {
  try {
    const answer = await fetch(request.url, {
      headers: request.headers,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await answer.body?.cancel();
    if (answer.ok) return ok(check, `${what} answers ${answer.status}`);
    if (answer.status === 401 || answer.status === 403) {
      return fail(check, `${what} refuses the key (HTTP ${answer.status})`);
    }
    return (answer.status >= 500 || answer.status === 429 ? warn : fail)(
      check,
      `${what} answers HTTP ${answer.status}`,
    );
  } catch (error) {
    return fail(check, `${what} is not reachable: ${reason(error)}`);
  }
}
