import cliProgress from "cli-progress";

/** A progress bar on stderr, started by its first update (only when a person is watching). */
export function terminalBar(format: string) {
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done: number, total: number, payload: object) {
      bar ??= new cliProgress.SingleBar(
        { format, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      if (!bar.isActive) bar.start(total, 0, payload);
      bar.update(done, payload);
    },
    stop: () => bar?.stop(),
  };
}
