import { promises as dns } from "node:dns";
import type { Config } from "../config";
import { InputError } from "../errors";
import { dkimRecord } from "./dkim-key";
import { fail, ok, reason, warn, type CheckOptions, type CheckResult } from "./check-result";
import { checkAlignment, mailDomains } from "./mail-domains";

export interface DnsCheckOptions extends CheckOptions {
  /** Name servers to ask ("127.0.0.1:5353"); the system's when empty. */
  servers: string[];
}

/** A record to publish and how to judge what is published at its name. */
interface Expected {
  check: string;
  /** The record to publish; none when there is nothing to look up (no DKIM key set). */
  record?: { name: string; value: string };
  judge(found: string[]): CheckResult;
}

/** What the TXT lookup found: the records, none, or no answer (the name cannot be looked up). */
type Lookup = { records: string[] } | { unanswered: string };

/**
 * SPF, DKIM and DMARC: each line names the record the MAIL_FROM domain should publish and, unless
 * --offline, what is published there; then whether From, DKIM d= and Return-Path align.
 */
export async function checkDns(config: Config, options: DnsCheckOptions): Promise<CheckResult[]> {
  const domains = mailDomains(config);
  const expected = [spf(domains.returnPath), dkim(domains.dkim), dmarc(domains.from)];
  const resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: 1 });
  try {
    if (options.servers.length > 0) resolver.setServers(options.servers);
  } catch {
    throw new InputError(
      `--dns-server takes host or host:port (got ${options.servers.join(", ")})`,
    );
  }
  const results = await Promise.all(
    expected.map(async (e): Promise<CheckResult> => {
      if (!e.record) return e.judge([]);
      const publish = `publish ${e.record.name} TXT "${e.record.value}"`;
      if (options.offline) return warn(e.check, `${publish} (not looked up: --offline)`);
      const found = await lookup(resolver, e.record.name);
      if ("unanswered" in found) {
        return warn(e.check, `${publish} (could not look it up: ${found.unanswered})`);
      }
      const verdict = e.judge(found.records);
      return verdict.verdict === "ok"
        ? verdict
        : { ...verdict, detail: `${verdict.detail}; ${publish}` };
    }),
  );
  return [...results, checkAlignment(domains)];
}

async function lookup(resolver: dns.Resolver, name: string): Promise<Lookup> {
  try {
    return { records: (await resolver.resolveTxt(name)).map((chunks) => chunks.join("")) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND" || code === "ENODATA") return { records: [] };
    return { unanswered: code ?? reason(error) };
  }
}

function spf(domain: string): Expected {
  return {
    check: "spf",
    record: { name: domain, value: "v=spf1 mx ~all" },
    judge(found) {
      const records = found.filter((r) => /^v=spf1(\s|$)/i.test(r));
      if (records.length === 0) return fail("spf", `no SPF record at ${domain}`);
      if (records.length > 1)
        return fail("spf", `${records.length} SPF records at ${domain} (one allowed)`);
      const record = records[0] ?? "";
      if (/\s[-~]all\s*$/i.test(record)) return ok("spf", `${domain}: "${record}"`);
      return warn("spf", `${domain}: "${record}" does not end in -all or ~all`);
    },
  };
}

function dkim(signing: ReturnType<typeof mailDomains>["dkim"]): Expected {
  if (!signing) {
    const unsigned = warn(
      "dkim",
      "digests are not signed: run `arxiv-digest dkim keygen --selector s1`, publish the record it prints and set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY",
    );
    return { check: "dkim", judge: () => unsigned };
  }
  const { selector, domain, privateKey } = signing;
  const wanted = publicRecord(selector, domain, privateKey);
  const name = `${selector}._domainkey.${domain}`;
  return {
    check: "dkim",
    record: { name, value: wanted ?? "v=DKIM1; k=rsa; p=<your public key>" },
    judge(found) {
      const record = found.find((r) => /(^|;)\s*p=/.test(r));
      if (!record) return fail("dkim", `no DKIM key at ${name}`);
      const key = (r: string) => /(?:^|;)\s*p=([^;]*)/.exec(r)?.[1]?.replace(/\s+/g, "");
      if (!key(record)) return fail("dkim", `the key at ${name} is revoked (empty p=)`);
      if (wanted && key(record) !== key(wanted)) {
        return fail("dkim", `the key at ${name} is not the one DKIM_PRIVATE_KEY signs with`);
      }
      return ok("dkim", `${name} publishes the signing key`);
    },
  };
}

/** The record for the configured key; undefined when it does not parse (a check of its own). */
function publicRecord(selector: string, domain: string, privateKey: string): string | undefined {
  try {
    return dkimRecord(selector, domain, privateKey).value;
  } catch {
    return undefined;
  }
}

function dmarc(domain: string): Expected {
  const name = `_dmarc.${domain}`;
  return {
    check: "dmarc",
    record: { name, value: `v=DMARC1; p=quarantine; rua=mailto:postmaster@${domain}` },
    judge(found) {
      const record = found.find((r) => /^v=DMARC1\s*(;|$)/i.test(r));
      if (!record) return fail("dmarc", `no DMARC record at ${name}`);
      const policy = /(?:^|;)\s*p=\s*(\w+)/i.exec(record)?.[1]?.toLowerCase();
      if (policy === "quarantine" || policy === "reject")
        return ok("dmarc", `${name}: p=${policy}`);
      return warn(
        "dmarc",
        `${name}: p=${policy ?? "(missing)"} only monitors; quarantine or reject protects`,
      );
    },
  };
}
