import type { CliIO } from "./command-context";
import { terminalBar } from "./terminal-bar";

/**
 * Progress of a long count (rows read, subscribers written): a bar on a terminal; on a log, one
 * line every `every` units and at the end, so a large import shows it is alive without flooding.
 */
export function countProgress(io: CliIO, label: string, every: number) {
  const bar = terminalBar(`${label} [{bar}] {percentage}% · {shown}`);
  let lastLogged = 0;
  return {
    update(done: number, total: number, shown = done) {
      if (io.interactive) {
        bar.update(done, total, { shown });
      } else if (shown - lastLogged >= every) {
        lastLogged = shown;
        io.err(`${label}: ${shown}`);
      }
    },
    stop(shown?: number) {
      bar.stop();
      if (!io.interactive && shown !== undefined && shown !== lastLogged)
        io.err(`${label}: ${shown}`);
    },
  };
}
