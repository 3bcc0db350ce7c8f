import { runCli } from "../../src/cli/main";
import type { Env } from "../../src/config";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with the given environment, capturing what it prints. */
export async function runCliWith(env: Env, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: { LOG_LEVEL: "warn", ...env },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    interactive: false,
  });
  if (process.env.DEBUG_CLI) console.log(argv, code, out, err);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
