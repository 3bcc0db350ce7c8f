import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { databaseTarget } from "../db/database-target";
import { probeDatabase } from "../db/probe-database";
import { feedUrl } from "../arxiv/feed-fetcher";
import { deeplBaseUrl } from "../translate/deepl-translator";
import { openAiUrl } from "../translate/openai-translator";
import { verifySmtp } from "../transport/verify-smtp";
import { checkMigrations } from "./check-migrations";
import {
  fail,
  offline,
  ok,
  reason,
  warn,
  type CheckOptions,
  type CheckResult,
} from "./check-result";

/**
 * The database answers, and every migration this version ships is applied as shipped (none
 * changed since, none unknown to it).
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
  try {
    const { applied } = await probeDatabase(target, options.timeoutMs);
    return [ok("database", `${where} answers`), ...checkMigrations(target.provider, applied)];
  } catch (error) {
    return [fail("database", `${where}: ${reason(error)}`)];
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
  try {
    await verifySmtp(smtpUrl, options.timeoutMs);
    return ok(
      "mail",
      `SMTP ${host} accepts connections${new URL(smtpUrl).username ? " and the login" : ""}`,
    );
  } catch (error) {
    return fail("mail", `SMTP ${host}: ${reason(error)}`);
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
