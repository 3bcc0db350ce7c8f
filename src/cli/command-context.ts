import type { Command } from "commander";
import { loadConfig, type Config, type Env } from "../config";
import { createApp, type App } from "../container";

/** Where a command writes: stdout for results, stderr for progress and errors. */
export interface CliIO {
  env: Env;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Whether stderr is a terminal (progress bars) or a log (counted lines). */
  interactive: boolean;
}

/** Runs a command body with an App that is always closed afterwards. */
export async function withApp<T>(io: CliIO, body: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp(commandConfig(io));
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}

/** The settings a command runs with: LOG_FORMAT=auto becomes human lines on a terminal. */
function commandConfig(io: CliIO): Config {
  const config = loadConfig(io.env);
  if (config.logFormat !== "auto") return config;
  return { ...config, logFormat: io.interactive ? "pretty" : "json" };
}

/** Collects a repeatable option (`--keywords a --keywords b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export type CommandRegistrar = (program: Command, io: CliIO) => void;

/** Prints a `--json` result: pretty JSON on stdout, for scripts to parse. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
