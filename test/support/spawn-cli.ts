import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ENTRY = path.resolve(__dirname, "cli-entry.ts");
const ROOT = path.resolve(__dirname, "..", "..");

/** Starts the CLI from source in a child process (ts-node, no type check). */
export function spawnCli(
  env: Record<string, string>,
  ...args: string[]
): ChildProcess & { output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", ENTRY, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

/** Resolves with the exit code (or the signal's name) when the child ends. */
export function exited(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)),
  );
}
