import pino from "pino";

/** Structured logs go to stderr, so stdout stays for what a command prints (and --json). */
export function createLogger(level: pino.LevelWithSilent): pino.Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
