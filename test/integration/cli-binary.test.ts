import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { makeTempDir } from "../support/temp-dir";

const run = promisify(execFile);
jest.setTimeout(30_000);
const BIN = path.resolve(__dirname, "..", "..", "bin", "arxiv-digest.js");

/** The installed entry point (package.json `bin`), run as a user would, as a separate process. */
async function arxivDigest(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the arxiv-digest executable", () => {
  const env = { DATABASE_URL: `file:${path.join(makeTempDir(), "bin.db")}`, LOG_LEVEL: "warn" };

  it("lists its commands in --help", async () => {
    const help = await arxivDigest(env, "--help");
    expect(help.code).toBe(0);
    for (const command of ["db", "subscriber", "fetch", "send", "run", "preview", "serve"]) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("prints its version", async () => {
    const version = await arxivDigest(env, "--version");
    expect(version).toMatchObject({ code: 0, stdout: "0.1.0\n" });
  });

  it("logs JSON lines when stderr is not a terminal, and short human lines when asked", async () => {
    const fresh = (name: string) => ({
      DATABASE_URL: `file:${path.join(makeTempDir(), name)}`,
      LOG_LEVEL: "info",
    });
    const json = await arxivDigest(fresh("json.db"), "subscriber", "list");
    expect(JSON.parse(json.stderr.trim())).toMatchObject({ level: 30, msg: /^database migrated/ });
    const pretty = await arxivDigest(
      { ...fresh("pretty.db"), LOG_FORMAT: "pretty" },
      "subscriber",
      "list",
    );
    expect(pretty.stderr).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: database migrated: \d+ migration\(s\) applied\n$/,
    );
  });

  it("answers a mistake with one line on stderr and exit code 1", async () => {
    const result = await arxivDigest(env, "subscriber", "remove", "nobody@example.org");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: no subscriber nobody@example.org\n");
  });

  it("stops at start on a bad setting, naming it", async () => {
    const result = await arxivDigest({ ...env, SMTP_URL: "http://mail" }, "subscriber", "list");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^config error: SMTP_URL is invalid: expected smtp:\/\//);
  });
});
