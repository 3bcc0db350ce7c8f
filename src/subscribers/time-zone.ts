import { IANAZone } from "luxon";

/**
 * Whether `zone` names an IANA time zone this runtime knows ("Asia/Shanghai", "UTC"). The one
 * test for every zone from outside (settings, the CLI, the manage page): luxon's own `setZone`
 * would also take "system" or "UTC+8", which mean nothing to node-cron and differ per server.
 */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
