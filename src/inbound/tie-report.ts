import { readVerpAddress, type BounceAddressSettings } from "../mail/bounce-address";

/** Which delivery a report is about, as its VERP address says, or why none can be named. */
export type ReportTie =
  | { kind: "delivery"; deliveryId: number }
  | { kind: "forged"; address: string }
  | { kind: "untied"; reason: string };

/**
 * Finds the delivery a bounce or complaint is about from the VERP addresses in it, never from its
 * text about recipients: a bounce is addressed to the delivery's envelope sender (To,
 * Delivered-To), an ARF report names it in Original-Mail-From and in the original's Return-Path.
 * Every form of the bounce address in the mail is read, wherever it stands; one with a MAC that
 * does not match makes the whole report a forgery, and two different deliveries make it useless.
 */
export function tieReport(source: Buffer, bounces: BounceAddressSettings | undefined): ReportTie {
  if (!bounces) {
    return {
      kind: "untied",
      reason: "MAIL_BOUNCE_ADDRESS is not set: no report names its delivery",
    };
  }
  const [local, domain] = bounces.address.split("@") as [string, string];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`${escape(local)}\\+[^\\s<>@"]{1,60}@${escape(domain)}`, "gi");
  const found = new Set<number>();
  for (const [address] of source.toString("latin1").matchAll(pattern)) {
    const reading = readVerpAddress(bounces, address);
    if (reading.kind === "forged") return { kind: "forged", address };
    if (reading.kind === "delivery") found.add(reading.deliveryId);
  }
  const ids = [...found];
  if (ids.length === 1) return { kind: "delivery", deliveryId: ids[0] ?? 0 };
  return {
    kind: "untied",
    reason:
      ids.length === 0
        ? "no delivery's bounce address in the report"
        : "the report names several deliveries",
  };
}

/** Header fields that name the address a mail was delivered to. */
const DELIVERED_TO = /^(to|delivered-to|envelope-to|x-original-to):.*$/gim;

/**
 * Whether a mail was addressed to the bounce address (any form of it): whatever it is, only a
 * machine writes there, so a mail there that cannot be read as a report is left for a person.
 */
export function addressedToBounces(
  source: Buffer,
  bounces: BounceAddressSettings | undefined,
): boolean {
  if (!bounces) return false;
  const text = source.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const [local, domain] = bounces.address.toLowerCase().split("@") as [string, string];
  return [...header.matchAll(DELIVERED_TO)].some(([line]) => {
    const lower = line.toLowerCase();
    return (
      lower.includes(`${local}@${domain}`) ||
      (lower.includes(`${local}+`) && lower.includes(`@${domain}`))
    );
  });
}
