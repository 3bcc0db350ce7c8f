import pino from "pino";
import { onDemand } from "./on-demand";

/**
 * Logs go to stderr, so stdout stays for what a command prints (and --json). JSON lines for
 * machines (a service's log, a pipe); on a terminal, one short human line each
 * (`12:00:03 WARN  feeds …`), among the command's own lines.
 */
export function createLogger(level: pino.LevelWithSilent, pretty = false): pino.Logger {
  if (!pretty) return pino({ level, base: undefined }, pino.destination(2));
  const stream = onDemand.pinoPretty()({
    destination: 2,
    sync: true,
    singleLine: true,
    translateTime: "HH:MM:ss",
    ignore: "pid,hostname",
  });
  return pino({ level, base: undefined }, stream);
}
