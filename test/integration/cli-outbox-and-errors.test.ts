import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { runCliWith } from "../support/run-cli";
import { EXAMPLE_FEED, makeTempDir } from "../support/temp-dir";

function freshEnv(): Record<string, string> {
  const dir = makeTempDir();
  return {
    DATABASE_URL: `file:${path.join(dir, "db", "digest.db")}`,
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
  };
}

describe("the .eml outbox (the embedded default transport)", () => {
  it("writes one parseable .eml per digest, and none on a second run", async () => {
    const env = freshEnv();
    await runCliWith(
      env,
      "subscriber",
      "add",
      "Dana@Example.org",
      "-k",
      "diffusion policy",
      "--confirmed",
    );
    const first = await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
    expect(first.code).toBe(0);
    const files = fs.readdirSync(env.MAIL_OUTBOX_DIR as string);
    expect(files).toHaveLength(1);
    const mail = await simpleParser(
      fs.readFileSync(path.join(env.MAIL_OUTBOX_DIR as string, files[0] as string)),
    );
    expect(mail.to && JSON.stringify(mail.to)).toContain("dana@example.org");
    expect(mail.subject).toMatch(/^arXiv 每日论文 2025-10-17 · \d+ 篇 · diffusion policy$/);
    expect(mail.text).toContain("Keyword: diffusion policy");
    await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
    expect(fs.readdirSync(env.MAIL_OUTBOX_DIR as string)).toHaveLength(1);
  });

  it("dry-run lists the digests and writes nothing", async () => {
    const env = freshEnv();
    await runCliWith(
      env,
      "subscriber",
      "add",
      "erin@example.org",
      "-k",
      "reinforcement learning",
      "--confirmed",
    );
    await runCliWith(env, "fetch", "--feed-file", EXAMPLE_FEED);
    const dry = await runCliWith(env, "send", "--dry-run", "--json");
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.out) as {
      edition: string;
      plan: { email: string; papers: number }[];
    };
    expect(plan.edition).toBe("2025-10-17");
    expect(plan.plan).toEqual([expect.objectContaining({ email: "erin@example.org" })]);
    expect(fs.existsSync(env.MAIL_OUTBOX_DIR as string)).toBe(false);
  });

  it("dry-run after everything was sent lists no one, as a real send then sends nothing", async () => {
    const env = freshEnv();
    await runCliWith(
      env,
      "subscriber",
      "add",
      "gia@example.org",
      "-k",
      "diffusion policy",
      "--confirmed",
    );
    expect((await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED)).code).toBe(0);
    const dry = await runCliWith(env, "send", "--dry-run");
    expect(dry.out).not.toContain("would send to");
    expect(dry.out).toContain("dry run: 0 digest(s)");
    const real = await runCliWith(env, "send", "--json");
    expect(JSON.parse(real.out)).toMatchObject({ sent: 0 });
  });

  it("preview writes the HTML and text parts without sending", async () => {
    const env = freshEnv();
    const dir = path.dirname(env.MAIL_OUTBOX_DIR as string);
    await runCliWith(
      env,
      "subscriber",
      "add",
      "finn@example.org",
      "-k",
      "diffusion policy",
      "--confirmed",
    );
    await runCliWith(env, "fetch", "--feed-file", EXAMPLE_FEED);
    const preview = await runCliWith(
      env,
      "preview",
      "finn@example.org",
      "--html",
      path.join(dir, "p.html"),
      "--text",
      path.join(dir, "p.txt"),
    );
    expect(preview.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "p.html"), "utf8")).toContain(
      "Keyword: diffusion policy",
    );
    expect(fs.readFileSync(path.join(dir, "p.txt"), "utf8")).toContain(
      "- Arxiv link: https://arxiv.org/abs/",
    );
    expect(fs.existsSync(env.MAIL_OUTBOX_DIR as string)).toBe(false);
  });
});

describe("CLI errors are one clear line and exit code 1", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "an invalid email",
      ["subscriber", "add", "not-an-email", "-k", "rl"],
      /not a valid email address/,
    ],
    [
      "a header-injection attempt",
      ["subscriber", "add", "a@b.org\r\nBcc: x@y.org", "-k", "rl"],
      /^error: the email address contains a control character \(U\+000D\)$/,
    ],
    [
      "too long a keyword",
      ["subscriber", "add", "g@example.org", "-k", "x".repeat(101)],
      /at most 100/,
    ],
    [
      "an unknown subscriber",
      ["subscriber", "remove", "nobody@example.org"],
      /no subscriber nobody@example.org/,
    ],
    [
      "a missing feed file",
      ["fetch", "--feed-file", "/nonexistent/feed.xml"],
      /cannot read feed file .*no such file/,
    ],
    ["preview of an unknown subscriber", ["preview", "nobody@example.org"], /no subscriber/],
    ["send before any fetch", ["send"], /no edition yet/],
    [
      "a bad language",
      ["subscriber", "add", "h@example.org", "-k", "rl", "--lang", "fr"],
      /zh-CN or zh-TW/,
    ],
  ];
  it.each(cases)("%s", async (_name, argv, message) => {
    const env = freshEnv();
    const run = await runCliWith(env, ...argv);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect(run.err.split("\n")).toHaveLength(1);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it("a bad add changes nothing", async () => {
    const env = freshEnv();
    await runCliWith(env, "subscriber", "add", "ivy@example.org", "-k", "rl", "--confirmed");
    const again = await runCliWith(env, "subscriber", "add", "IVY@example.org", "-k", "other");
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already subscribed/);
    const list = JSON.parse((await runCliWith(env, "subscriber", "list", "--json")).out) as {
      keywords: string[];
    }[];
    expect(list).toHaveLength(1);
    expect(list[0]?.keywords).toEqual(["rl"]);
  });

  it("preview and export into a folder that does not exist name the file", async () => {
    const env = freshEnv();
    await runCliWith(
      env,
      "subscriber",
      "add",
      "kim@example.org",
      "-k",
      "diffusion policy",
      "--confirmed",
    );
    await runCliWith(env, "fetch", "--feed-file", EXAMPLE_FEED);
    const run = await runCliWith(
      env,
      "preview",
      "kim@example.org",
      "--html",
      "/missing/dir/x.html",
    );
    expect(run.code).toBe(1);
    expect(run.err).toBe("error: cannot write /missing/dir/x.html: no such file or folder");
    const exported = await runCliWith(env, "subscriber", "export", "--out", "/missing/dir/x.csv");
    expect(exported.code).toBe(1);
    expect(exported.err).toBe("error: cannot write /missing/dir/x.csv: no such file or folder");
  });

  it("a PostgreSQL that refuses the connection is one line, without the password", async () => {
    const run = await runCliWith(
      { DATABASE_URL: "postgresql://postgres:SECRET@127.0.0.1:1/test" },
      "subscriber",
      "list",
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /^error: cannot use the database at postgresql:\/\/\*\*\*@127\.0\.0\.1:1\/test \(DATABASE_URL\): connect ECONNREFUSED/,
    );
    expect(run.err).not.toMatch(/SECRET|a bug|\n/);
  });

  it("a bad setting names the variable", async () => {
    const run = await runCliWith(
      { ...freshEnv(), PUBLIC_URL: "not a url", DIGEST_MAX_PAPERS: "many" },
      "subscriber",
      "list",
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^config error: PUBLIC_URL is invalid/m);
    expect(run.err).toMatch(/^config error: DIGEST_MAX_PAPERS is invalid/m);
  });
});
