import type { SendProgress } from "../mail/send-edition";
import type { CliIO } from "./command-context";
import { terminalBar } from "./terminal-bar";

/** A bar on a terminal; on a log, a counted line every `every` messages. */
export function sendProgressReporter(io: CliIO, every = 100) {
  const bar = terminalBar(
    "sending [{bar}] {value}/{total} · sent {sent} · failed {failed} · retry {retrying} · left {left} · {rate}/s",
  );
  const started = Date.now();
  const rate = (done: number) => (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
  return {
    update(progress: SendProgress, total: number) {
      const done = progress.sent + progress.failed + progress.retrying;
      const left = Math.max(total - done, 0);
      if (io.interactive) {
        bar.update(done, total, { ...progress, left, rate: rate(done) });
      } else if (done % every === 0 || done === total) {
        io.err(
          `sent ${progress.sent}, failed ${progress.failed}, retrying ${progress.retrying}, left ${left} (${rate(done)}/s)`,
        );
      }
    },
    stop() {
      bar.stop();
    },
  };
}
