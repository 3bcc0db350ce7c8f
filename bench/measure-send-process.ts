import { spawn } from "node:child_process";
import fs from "node:fs";
import { SMTPServer } from "smtp-server";

/** What the sink saw of one sending run. */
export interface Arrivals {
  count: number;
  /** Messages per second between the first and the last arrival: (n - 1) / (last - first). */
  rate: number;
}

/** The first message the sink received, byte for byte, and its envelope. */
interface Captured {
  raw: Buffer;
  from: string;
  to: string;
}

/**
 * A loopback SMTP server that accepts and discards, timing each arrival. It keeps the first
 * message it receives so the reference can send exactly those bytes.
 */
export interface Sink {
  port: number;
  /** Starts counting afresh; returns what was counted since the previous call. */
  reset(): Arrivals;
  captured(): Captured | undefined;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  let count = 0;
  let first = 0;
  let last = 0;
  let captured: Captured | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] | undefined = captured ? undefined : [];
      stream.on("data", (chunk: Buffer) => chunks?.push(chunk));
      stream.on("end", () => {
        const now = performance.now();
        if (count === 0) first = now;
        last = now;
        count += 1;
        if (chunks && !captured) {
          captured = {
            raw: Buffer.concat(chunks),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo[0]?.address ?? "",
          };
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    reset() {
      const arrivals = { count, rate: count > 1 ? (count - 1) / ((last - first) / 1000) : 0 };
      count = 0;
      return arrivals;
    },
    captured: () => captured,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** How a child process ended, and the most memory it ever held. */
export interface ChildRun {
  stdout: string;
  /** The kernel's high-water mark of the child's resident set (VmHWM), in MB. */
  peakMb: number;
}

const POLL_MS = 20;

/**
 * Runs `node <args>` and follows its VmHWM in /proc until it exits. VmHWM never decreases, so
 * the last value read before the exit is the peak, whatever the polling interval.
 */
export async function runNode(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<ChildRun> {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let peakKb = 0;
  const poll = () => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
    } catch {
      // The process has just exited: the last value read stands.
    }
  };
  const timer = setInterval(poll, POLL_MS);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  if (code !== 0) {
    throw new Error(`node ${args.join(" ")} exited with ${code}: ${stderr.trim().slice(-2000)}`);
  }
  if (peakKb === 0) throw new Error(`could not read the memory of node ${args.join(" ")}`);
  return { stdout, peakMb: peakKb / 1024 };
}
