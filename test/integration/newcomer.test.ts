import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { simpleParser } from "mailparser";
import { freePort } from "../support/free-port";
import { exited } from "../support/spawn-cli";
import { spawn } from "node:child_process";
import { makeTempDir } from "../support/temp-dir";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "..", "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The README's shell blocks under "Two commands", in order. */
function readmeCommands(): string[] {
  const section = README.slice(README.indexOf("## Two commands"), README.indexOf("## Using it"));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? "").trim());
}

/**
 * A newcomer's first hour, checked: a clean clone of the committed tree, the README's first
 * command, and every link of the mail it writes. `npm ci` is the one step not repeated here (CI
 * has just run it, and it compiles for minutes): the clone gets this checkout's node_modules and
 * builds itself, as `prepare` would.
 */
describe("the README's two commands, as a newcomer runs them", () => {
  it("are `npm ci && npm run demo` and `npm test`, and CI runs exactly the second", () => {
    expect(readmeCommands()).toEqual(["npm ci && npm run demo", "npm test"]);
    expect(fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8")).toMatch(/^npm test$/m);
  });

  it("the first writes a digest whose every link is arXiv's or opens on the pages it serves", async () => {
    const clone = path.join(makeTempDir("newcomer-"), "arxiv-digest");
    execFileSync("git", ["clone", "--quiet", ROOT, clone]);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
    execFileSync("npm", ["run", "build"], { cwd: clone, stdio: "ignore" });

    const port = await freePort();
    const publicUrl = `http://localhost:${port}`;
    const demoScript = readmeCommands()[0]?.replace(/^npm ci && /, "") ?? "";
    expect(demoScript).toBe("npm run demo");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: "",
      PORT: String(port),
      PUBLIC_URL: publicUrl,
    };
    for (const name of ["DATABASE_URL", "SMTP_URL", "MAIL_OUTBOX_DIR", "LOG_LEVEL", "LOG_FORMAT"])
      delete env[name];
    // A process group of its own, so Ctrl-C can be sent as a terminal sends it: to npm, the
    // shell it starts and the demo alike.
    const demo = spawn("npm", ["run", "demo"], { cwd: clone, env, stdio: "pipe", detached: true });
    let output = "";
    demo.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      for (let i = 0; i < 1200 && !output.includes("Ctrl-C to stop"); i += 1) {
        if (demo.exitCode !== null) throw new Error(`npm run demo ended:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toMatch(/mailed demo@example\.org a digest of the (\d+) papers/);
      const matched = Number(/a digest of the (\d+) papers/.exec(output)?.[1]);
      expect(matched).toBeGreaterThan(0);
      expect(matched).toBeLessThan(34); // the edition has 34: the keywords filter

      const outbox = path.join(clone, "outbox");
      const [file, ...others] = fs.readdirSync(outbox).filter((f) => f.endsWith(".eml"));
      expect(others).toEqual([]);
      const mail = await simpleParser(fs.readFileSync(path.join(outbox, file as string)));
      const html = parseDocument(String(mail.html));
      const hrefs = DomUtils.findAll(
        (e) => e.name === "a" && "href" in e.attribs,
        html.children,
      ).map((a) => a.attribs.href ?? "");
      const textLinks = String(mail.text).match(/https?:\/\/\S+/g) ?? [];
      const links = [...new Set([...hrefs, ...textLinks])];
      expect(links.length).toBeGreaterThan(10);
      const pages = new Map<string, string>();
      for (const link of links) {
        if (link.startsWith("https://arxiv.org/")) continue;
        if (link.startsWith("#")) {
          expect(DomUtils.getElementById(link.slice(1), html.children)).toBeTruthy();
          continue;
        }
        expect(link.slice(0, publicUrl.length + 1)).toBe(`${publicUrl}/`);
        const [page = "", anchor] = link.split("#");
        if (!pages.has(page)) {
          const answer = await fetch(page);
          expect({ link: page, status: answer.status }).toEqual({ link: page, status: 200 });
          pages.set(page, await answer.text());
        }
        if (anchor) expect(pages.get(page)).toContain(`id="${anchor}"`);
      }
      expect([...pages.keys()].map((p) => new URL(p).pathname.split("/")[1]).sort()).toEqual([
        "digest",
        "manage",
        "unsubscribe",
      ]);
    } finally {
      process.kill(-(demo.pid as number), "SIGINT");
    }
    await exited(demo);
    expect(output).not.toMatch(/error|a bug/i);
  });
});
