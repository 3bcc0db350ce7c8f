import pino from "pino";
import type { Config } from "./config";

/** Structured logs go to stderr, so stdout stays for what a command prints (and --json). */
export function createLogger(level: Config["logLevel"]): pino.Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
