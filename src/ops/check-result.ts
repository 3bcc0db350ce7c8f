import { messageOf } from "../errors";

export type Verdict = "ok" | "warn" | "fail";

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

export const ok = (check: string, detail: string): CheckResult => ({
  check,
  verdict: "ok",
  detail,
});
export const warn = (check: string, detail: string): CheckResult => ({
  check,
  verdict: "warn",
  detail,
});
export const fail = (check: string, detail: string): CheckResult => ({
  check,
  verdict: "fail",
  detail,
});
export const offline = (check: string) => warn(check, "not checked (--offline)");

/** What went wrong, in one short line. */
export function reason(error: unknown): string {
  const text = messageOf(error);
  // Prisma wraps the driver's words in a paragraph about the call; the words are what matter.
  const driver = /Message: `([^`]+)`/.exec(text)?.[1] ?? text;
  return driver.replace(/\s+/g, " ").trim().slice(0, 300);
}
