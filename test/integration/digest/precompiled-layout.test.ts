import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { simpleParser } from "mailparser";
import { compileDigestLayout, DEFAULT_TEMPLATE } from "../../../src/digest/compile-digest-layout";
import type { layoutKey } from "../../../src/digest/precompiled-layout";
import { makeTempDir } from "../../support/temp-dir";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..", "..");
const PRECOMPILED = path.join(ROOT, "dist", "digest", "digest-layout.json");

/** Preloaded into the CLI process: writes down, at exit, whether MJML was ever loaded. */
const WATCH_MJML = `
process.on("exit", () => {
  const loaded = Object.keys(require.cache).some((file) => /node_modules\\/mjml(-core)?\\//.test(file));
  require("node:fs").writeFileSync(process.env.MJML_REPORT, loaded ? "loaded" : "not loaded");
});`;

describe("the layout precompiled by the build (dist/, as npm ci leaves it)", () => {
  it("is current (if not: npm run build) and what compiling emails/digest.mjml gives now", async () => {
    const stored = JSON.parse(fs.readFileSync(PRECOMPILED, "utf8")) as {
      key: string;
      layout: unknown;
    };
    // The key as the compiled code computes it, from its own compiler file.
    const built = (await import(path.join(ROOT, "dist", "digest", "precompiled-layout.js"))) as {
      layoutKey: typeof layoutKey;
    };
    expect(stored.key).toBe(await built.layoutKey(DEFAULT_TEMPLATE));
    expect(stored.layout).toEqual(await compileDigestLayout());
  });

  it("lets a mailing process render digests without ever loading MJML", async () => {
    const dir = makeTempDir();
    const hook = path.join(dir, "watch-mjml.js");
    fs.writeFileSync(hook, WATCH_MJML);
    const report = path.join(dir, "report.txt");
    const outbox = path.join(dir, "outbox");
    await run(
      process.execPath,
      ["-r", hook, path.join(ROOT, "bin", "arxiv-digest.js"), "test-send", "me@example.org"],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: `file:${path.join(dir, "layout.db")}`,
          MAIL_OUTBOX_DIR: outbox,
          LOG_LEVEL: "warn",
          MJML_REPORT: report,
        },
      },
    );
    const [eml] = fs.readdirSync(outbox);
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, eml!)));
    expect(mail.html).toContain("diffusion");
    expect(fs.readFileSync(report, "utf8")).toBe("not loaded");
  });
});
