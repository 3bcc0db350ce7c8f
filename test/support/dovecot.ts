import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { DOVECOT } from "./debian-packages";
import { freePort } from "./free-port";
import { waitFor } from "./wait-for";

/** Debian's Dovecot, serving one mailbox over plain IMAP on 127.0.0.1 for one test file. */
export interface TestDovecot {
  port: number;
  user: string;
  password: string;
  /** `imap://user:password@127.0.0.1:port/INBOX`, as INBOUND_IMAP_URL takes it. */
  url: string;
  /** A logged-in client for putting mails in and looking at their flags; log it out after. */
  connect(): Promise<ImapFlow>;
  stop(): Promise<void>;
}

/**
 * Starts Dovecot in the foreground with its whole state in a temp dir (a suite declares its need
 * with DEBIAN_DOVECOT: only a real server makes the test meaningful).
 */
export async function startDovecot(): Promise<TestDovecot> {
  // Short path: Dovecot's unix sockets live under base_dir and socket paths are limited to ~100 bytes.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dovecot-"));
  fs.chmodSync(dir, 0o755); // the mail user must reach its maildir below
  const port = await freePort();
  const users = serviceUsers();
  const user = "inbox";
  const password = "inbox-password";
  fs.mkdirSync(path.join(dir, "mail"));
  if (users.mailUid !== undefined)
    fs.chownSync(path.join(dir, "mail"), users.mailUid, users.mailGid ?? 0);
  fs.writeFileSync(path.join(dir, "users"), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const config = path.join(dir, "dovecot.conf");
  fs.writeFileSync(config, dovecotConfig(dir, port, users));
  const child = spawn(DOVECOT, ["-F", "-c", config], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const log = () => `${output}${readIfExists(path.join(dir, "dovecot.log"))}`;
  try {
    await waitForGreeting(port, child, log);
  } catch (error) {
    await stopChild(child);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    user,
    password,
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    async connect() {
      const client = new ImapFlow({
        host: "127.0.0.1",
        port,
        secure: false,
        auth: { user, pass: password },
        logger: false,
      });
      await client.connect();
      return client;
    },
    async stop() {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface ServiceUsers {
  internal: string;
  login: string;
  mail: string;
  mailUid?: number;
  mailGid?: number;
}

/**
 * Dovecot refuses to run its login processes, or to open mail, as root. Tests run as root in CI,
 * so then the users Debian's package creates are used (dovenull to log in, dovecot for mail);
 * as anyone else, that user runs everything.
 */
function serviceUsers(): ServiceUsers {
  const me = os.userInfo();
  if (me.uid !== 0) return { internal: me.username, login: me.username, mail: me.username };
  const id = (flag: string) => Number(execFileSync("id", [flag, "dovecot"]).toString().trim());
  return {
    internal: "dovecot",
    login: "dovenull",
    mail: "dovecot",
    mailUid: id("-u"),
    mailGid: id("-g"),
  };
}

function dovecotConfig(dir: string, port: number, users: ServiceUsers): string {
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${users.internal}
default_internal_group = ${users.internal}
default_login_user = ${users.login}
first_valid_uid = 0
mail_uid = ${users.mail}
mail_gid = ${users.mail}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = ${dir}/users
}
userdb {
  driver = static
  args = uid=${users.mail} gid=${users.mail} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

/** Resolves once the server greets on `port`; rejects with Dovecot's log if it exits or stalls. */
async function waitForGreeting(
  port: number,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  await waitFor(
    () => {
      if (child.exitCode !== null)
        throw new Error(`Dovecot exited with code ${child.exitCode}:\n${log()}`);
      return greets(port);
    },
    {
      what: () => `Dovecot to answer on 127.0.0.1:${port}:\n${log()}`,
      timeoutMs: 20_000,
      intervalMs: 100,
    },
  );
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(2000);
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("* OK"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
