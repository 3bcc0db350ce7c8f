import fs from "node:fs";
import { EXAMPLE_FEED } from "./temp-dir";

/**
 * The example feed moved to another announcement day: its date label replaced, and every
 * 2510.1xxxx id renamed to 2510.<digit>xxxx so its papers are new papers.
 */
export function shiftedFeed(dayLabel: string, digit: number): string {
  return fs
    .readFileSync(EXAMPLE_FEED, "utf8")
    .replace(/Fri, 17 Oct 2025/g, dayLabel)
    .replace(/2510\.1(\d{4})/g, `2510.${digit}$1`);
}
