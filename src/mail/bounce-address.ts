import crypto from "node:crypto";

/** MAIL_BOUNCE_ADDRESS and the key its per-delivery forms are signed with (MAIL_BOUNCE_SECRET). */
export interface BounceAddressSettings {
  /** e.g. bounces@digest.example.org */
  address: string;
  secret: string;
}

/** Hex digits of the MAC kept in the address: 40 bits, far beyond what guessing by mail can reach. */
const MAC_LENGTH = 10;

function macOf(secret: string, deliveryId: number): string {
  const mac = crypto.createHmac("sha256", secret).update(`bounce:d${deliveryId}`).digest("hex");
  return mac.slice(0, MAC_LENGTH);
}

function split(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf("@");
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/**
 * The envelope sender (Return-Path) of one delivery: a VERP form of the bounce address,
 * `bounces+d123.<mac>@domain`. A bounce comes back to this address, so it names its delivery
 * whatever the bounce's own text says; the MAC means no one can write one for another delivery.
 * Lower-case hex only, since some servers lower-case the address on the way back.
 */
export function verpAddress(settings: BounceAddressSettings, deliveryId: number): string {
  const { local, domain } = split(settings.address);
  return `${local}+d${deliveryId}.${macOf(settings.secret, deliveryId)}@${domain}`;
}

/** What an address says about a delivery: none of ours, a delivery it names, or a forgery. */
export type VerpReading =
  { kind: "none" } | { kind: "delivery"; deliveryId: number } | { kind: "forged"; address: string };

/** Reads an address back: our VERP form with a MAC that matches, or a forgery of it. */
export function readVerpAddress(settings: BounceAddressSettings, address: string): VerpReading {
  const { local, domain } = split(settings.address.toLowerCase());
  const given = split(address.trim().toLowerCase().replace(/^<|>$/g, ""));
  if (given.domain !== domain || !given.local.startsWith(`${local}+`)) return { kind: "none" };
  const match = /^d(\d{1,12})\.([0-9a-f]+)$/.exec(given.local.slice(local.length + 1));
  if (!match) return { kind: "forged", address };
  const deliveryId = Number(match[1]);
  const expected = Buffer.from(macOf(settings.secret, deliveryId));
  const presented = Buffer.from(match[2] ?? "");
  const same = presented.length === expected.length && crypto.timingSafeEqual(presented, expected);
  return same ? { kind: "delivery", deliveryId } : { kind: "forged", address };
}
