import { loadConfig } from "../../config";
import { AppError, ConfigError, InputError } from "../../errors";
import { checkDns } from "../../ops/check-dns";
import { checkArxiv, checkDatabase, checkMail, checkTranslator } from "../../ops/doctor-checks";
import type { CheckResult } from "../../ops/check-result";
import { collect, printJson, type CommandRegistrar } from "../command-context";

interface DoctorOptions {
  offline?: boolean;
  timeout: string;
  dnsServer?: string[];
  json?: boolean;
}

/**
 * `doctor`: is this installation ready? One line per check with ok / warn / fail; exit code 1
 * when anything fails. It changes nothing (not even migrations) and each check is bounded by
 * --timeout, so it never hangs on a silent server.
 */
export const registerDoctorCommand: CommandRegistrar = (program, io) => {
  program
    .command("doctor")
    .description(
      "check the settings, database, mail, translator, arXiv feed and mail DNS; exit 1 if any fails",
    )
    .option("--offline", "skip the checks that need the network (SMTP, translator, arXiv)")
    .option("--timeout <seconds>", "the most one check may take", "10")
    .option(
      "--dns-server <host:port>",
      "ask this name server for SPF, DKIM and DMARC (repeatable; default: the system's)",
      collect,
    )
    .option("--json", "print JSON")
    .action(async (opts: DoctorOptions) => {
      const seconds = Number(opts.timeout);
      if (!(seconds > 0 && seconds <= 300)) {
        throw new InputError(
          `--timeout must be a number of seconds from 1 to 300 (got "${opts.timeout}")`,
        );
      }
      const options = { offline: Boolean(opts.offline), timeoutMs: seconds * 1000 };
      const results: CheckResult[] = [];
      try {
        const config = loadConfig(io.env);
        results.push({ check: "config", verdict: "ok", detail: "every setting is valid" });
        results.push(...(await checkDatabase(config, options)));
        const userAgent = `arxiv-digest doctor (contact: ${config.arxiv.contact})`;
        results.push(
          ...(await Promise.all([
            checkMail(config, options),
            checkTranslator(config, options),
            checkArxiv(config, options, userAgent),
          ])),
        );
        results.push(...(await checkDns(config, { ...options, servers: opts.dnsServer ?? [] })));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        for (const problem of error.problems)
          results.push({ check: "config", verdict: "fail", detail: problem });
      }
      const failed = results.filter((r) => r.verdict === "fail").length;
      if (opts.json) printJson(io, { ok: failed === 0, checks: results });
      else
        for (const r of results)
          io.out(`${r.verdict.padEnd(4)}  ${r.check.padEnd(10)}  ${r.detail}`);
      if (failed > 0) throw new AppError("DOCTOR_FAILED", `${failed} check(s) failed`);
    });
};
