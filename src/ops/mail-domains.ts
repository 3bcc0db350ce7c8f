import type { Config } from "../config";
import { mailboxAddress } from "../transport/email-address";
import { fail, ok, warn, type CheckResult } from "./check-result";

/** The three domains DMARC compares: the From header's, DKIM's d= and the Return-Path's. */
export interface MailDomains {
  from: string;
  /** DKIM_DOMAIN and DKIM_SELECTOR, when digests are signed. */
  dkim?: { domain: string; selector: string; privateKey: string };
  /** MAIL_BOUNCE_ADDRESS's domain, else MAIL_FROM's (the envelope sender is then the From). */
  returnPath: string;
}

const domainOf = (address: string) => (address.split("@").pop() ?? "").toLowerCase();

export function mailDomains(config: Config): MailDomains {
  const from = domainOf(mailboxAddress(config.mail.from));
  const dkim = config.mail.dkim;
  return {
    from,
    dkim: dkim && {
      domain: dkim.domainName.toLowerCase(),
      selector: dkim.keySelector,
      privateKey: dkim.privateKey,
    },
    returnPath: config.bounces ? domainOf(config.bounces.address) : from,
  };
}

/**
 * DMARC's relaxed alignment: the same organisational domain. Without the public suffix list,
 * one domain equal to or under the other stands in for it (digest.example.org and example.org).
 */
function aligned(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/**
 * DMARC passes when SPF (for the Return-Path domain) or DKIM (for d=) passes aligned with From;
 * both aligned is ok, one is a warning (a forwarder breaks SPF, a mangling list breaks DKIM).
 */
export function checkAlignment(domains: MailDomains): CheckResult {
  const dkim = domains.dkim ? aligned(domains.dkim.domain, domains.from) : false;
  const spf = aligned(domains.returnPath, domains.from);
  const named = `From ${domains.from}, DKIM d=${domains.dkim?.domain ?? "(none)"}, Return-Path ${domains.returnPath}`;
  if (dkim && spf) return ok("alignment", `${named}: both aligned with From`);
  if (dkim) return warn("alignment", `${named}: only DKIM is aligned with From`);
  if (spf) return warn("alignment", `${named}: only the Return-Path (SPF) is aligned with From`);
  return fail("alignment", `${named}: neither aligns with From, so DMARC fails`);
}
