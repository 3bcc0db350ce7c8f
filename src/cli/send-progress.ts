import cliProgress from "cli-progress";
import type { SendProgress } from "../mail/send-edition";
import type { CliIO } from "./command-context";

/** A bar on a terminal; on a log, a counted line every `every` messages. */
export function sendProgressReporter(io: CliIO, every = 100) {
  let bar: cliProgress.SingleBar | undefined;
  const started = Date.now();
  const rate = (done: number) => (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
  return {
    update(progress: SendProgress, total: number) {
      const done = progress.sent + progress.failed + progress.retrying;
      const left = Math.max(total - done, 0);
      if (io.interactive) {
        bar ??= new cliProgress.SingleBar(
          {
            format:
              "sending [{bar}] {value}/{total} · sent {sent} · failed {failed} · retry {retrying} · left {left} · {rate}/s",
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        );
        const payload = { ...progress, left, rate: rate(done) };
        if (!bar.isActive) bar.start(total, 0, payload);
        bar.update(done, payload);
      } else if (done % every === 0 || done === total) {
        io.err(
          `sent ${progress.sent}, failed ${progress.failed}, retrying ${progress.retrying}, left ${left} (${rate(done)}/s)`,
        );
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
