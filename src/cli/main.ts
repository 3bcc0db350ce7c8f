import { Command, CommanderError } from "commander";
import dotenv from "dotenv";
import { AppError, ConfigError } from "../errors";
import { APP_VERSION } from "../container";
import type { CliIO } from "./command-context";
import { registerDbCommands } from "./commands/db";
import { registerDemoCommand } from "./commands/demo";
import { registerInboundCommands } from "./commands/inbound";
import { registerPipelineCommands } from "./commands/pipeline";
import { registerPreviewCommand } from "./commands/preview";
import { registerDoctorCommand } from "./commands/doctor";
import { registerEditionsCommands } from "./commands/editions";
import { registerServeCommand } from "./commands/serve";
import { registerStatsCommand } from "./commands/stats";
import { registerSubscriberCommands } from "./commands/subscriber";
import { registerSubscriberAdminCommands } from "./commands/subscriber-admin";
import { registerTestSendCommand } from "./commands/test-send";

/** Builds the `arxiv-digest` program; every command is a thin shell over a service. */
export function buildProgram(io: CliIO): Command {
  const program = new Command("arxiv-digest")
    .description("Bilingual (English + 中文) arXiv digests by keyword")
    .version(APP_VERSION, "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });
  for (const register of [
    registerDbCommands,
    registerSubscriberCommands,
    registerSubscriberAdminCommands,
    registerEditionsCommands,
    registerTestSendCommand,
    registerStatsCommand,
    registerDoctorCommand,
    registerPipelineCommands,
    registerPreviewCommand,
    registerServeCommand,
    registerInboundCommands,
    registerDemoCommand,
  ]) {
    register(program, io);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the CLI and returns the exit code. A person's mistake is one line and code 1; only a
 * defect prints a stack (and says so).
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) {
      for (const problem of error.problems) io.err(`config error: ${problem}`);
      return 1;
    }
    if (error instanceof AppError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    io.err(
      `unexpected error (a bug; please report it): ${error instanceof Error ? error.stack : String(error)}`,
    );
    return 1;
  }
}

/** The process entry point: loads .env if present, then runs with the real streams. */
export async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const code = await runCli(process.argv.slice(2), {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}
