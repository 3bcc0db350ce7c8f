import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/databases";
import { runCliWith } from "../support/run-cli";
import { makeTempDir } from "../support/temp-dir";

jest.setTimeout(60_000);

const GOOD_AND_BAD = [
  "email,keywords,language,status",
  'Ana@Example.org,"diffusion policy; ""world model""",zh-TW,active',
  "ben@example.org,reinforcement learning|robotics,,",
  "bad-email,rl,,",
  "carl@example.org,,,",
  "dora@example.org,rl,fr,",
  "erin@example.org,rl,,banned",
  "ana@example.org,rl,,",
].join("\n");

interface Report {
  added: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; email?: string; reason: string }[];
}

describeEachDatabase("subscriber import, export, show, pause, resume on %s", (kind) => {
  let database: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCliWith(env, ...args);
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeEach(() => {
    database = createTestDatabase(kind);
    dir = makeTempDir();
    env = { DATABASE_URL: database.url, MAIL_OUTBOX_DIR: path.join(dir, "outbox") };
  });
  afterEach(() => database.drop());

  it("refuses a file with bad rows as a whole, listing each by line and reason", async () => {
    const file = write("mixed.csv", GOOD_AND_BAD);
    const run = await cli("subscriber", "import", file, "--json");
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/5 row\(s\) rejected; nothing imported/);
    const report = JSON.parse(run.out) as Report;
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, expect.stringMatching(/not a valid email address/)],
      [5, "at least one keyword query is needed"],
      [6, expect.stringMatching(/language "fr"/)],
      [7, expect.stringMatching(/status "banned"/)],
      [8, "also on line 2"],
    ]);
    expect((await cli("subscriber", "list", "--json")).out).toBe("[]");
  });

  it("with --skip-invalid imports the good rows; a second import changes nothing", async () => {
    const file = write("mixed.csv", GOOD_AND_BAD);
    const first = await cli("subscriber", "import", file, "--skip-invalid", "--json");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    const again = await cli("subscriber", "import", file, "--skip-invalid", "--json");
    expect(JSON.parse(again.out)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const list = JSON.parse((await cli("subscriber", "list", "--json")).out) as {
      email: string;
      status: string;
      language: string;
      keywords: string[];
    }[];
    expect(list.map((s) => [s.email, s.status, s.language, s.keywords])).toEqual([
      ["ana@example.org", "active", "zh-TW", ["diffusion policy", '"world model"']],
      ["ben@example.org", "pending", "zh-CN", ["reinforcement learning", "robotics"]],
    ]);
  });

  it("updates what changed, keeps statuses a row leaves empty, and never re-subscribes a leaver", async () => {
    await cli("subscriber", "add", "ana@example.org", "-k", "rl", "--confirmed");
    await cli("subscriber", "add", "gone@example.org", "-k", "rl", "--confirmed");
    await cli("subscriber", "pause", "gone@example.org");
    const update = write(
      "update.csv",
      [
        "email,keywords,status",
        "ana@example.org,rl;robots,",
        "new@example.org,rl,",
        "gone@example.org,rl,active",
      ].join("\n"),
    );
    const run = await cli("subscriber", "import", update, "--confirmed", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ added: 1, updated: 2, unchanged: 0 });
    const shown = JSON.parse((await cli("subscriber", "show", "ana@example.org", "--json")).out);
    expect(shown).toMatchObject({ status: "active", keywords: ["rl", "robots"], digests: [] });
    expect(
      JSON.parse((await cli("subscriber", "show", "new@example.org", "--json")).out).status,
    ).toBe("active");
    expect(
      JSON.parse((await cli("subscriber", "show", "gone@example.org", "--json")).out).status,
    ).toBe("active");

    await cli("subscriber", "remove", "new@example.org");
    const leaver = write("leaver.csv", "email,keywords,status\nana@example.org,rl,unsubscribed\n");
    expect((await cli("subscriber", "import", leaver)).code).toBe(0);
    const back = write("back.csv", "email,keywords,status\nana@example.org,rl,active\n");
    const refused = await cli("subscriber", "import", back);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /line 2 \(ana@example.org\): ana@example.org is unsubscribed; an import does not subscribe it again/,
    );
  });

  it("exports CSV that imports back unchanged", async () => {
    await cli(
      "subscriber",
      "add",
      "ana@example.org",
      "-k",
      '"world model"',
      "-k",
      "rl",
      "--confirmed",
      "--lang",
      "zh-TW",
    );
    await cli("subscriber", "add", "ben@example.org", "-k", "robots");
    const out = path.join(dir, "export.csv");
    const exported = await cli("subscriber", "export", "--out", out);
    expect(exported.code).toBe(0);
    const rows = parse(fs.readFileSync(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        email: "ana@example.org",
        keywords: '"world model" | rl',
        language: "zh-TW",
        status: "active",
      },
      { email: "ben@example.org", keywords: "robots", language: "zh-CN", status: "pending" },
    ]);
    expect((await cli("subscriber", "export")).out).toBe(fs.readFileSync(out, "utf8").trimEnd());
    const reimport = await cli("subscriber", "import", out, "--json");
    expect(JSON.parse(reimport.out)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });

  it("pauses and resumes, and says why when the move is not possible", async () => {
    await cli("subscriber", "add", "ana@example.org", "-k", "rl", "--confirmed");
    await cli("subscriber", "add", "ben@example.org", "-k", "rl");
    expect((await cli("subscriber", "pause", "Ana@example.org")).out).toBe(
      "ana@example.org is now paused",
    );
    expect((await cli("subscriber", "pause", "ana@example.org")).out).toMatch(
      /already paused; nothing changed/,
    );
    expect((await cli("subscriber", "show", "ana@example.org")).out).toMatch(
      /^ana@example.org · paused · zh-CN/,
    );
    expect((await cli("subscriber", "resume", "ana@example.org")).out).toBe(
      "ana@example.org is now active",
    );
    const pending = await cli("subscriber", "resume", "ben@example.org");
    expect(pending).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /ben@example.org is pending; only a paused subscriber can be resumed/,
      ),
    });
  });
});

describe("subscriber admin commands refuse bad arguments with one line and exit 1", () => {
  const dir = makeTempDir();
  const env = { DATABASE_URL: `file:${path.join(dir, "d.db")}` };
  const notCsv = path.join(dir, "broken.csv");
  fs.writeFileSync(notCsv, 'email,keywords\n"a@b.org,rl\n');
  const noHeader = path.join(dir, "no-header.csv");
  fs.writeFileSync(noHeader, "a@b.org,rl\n");
  const cases: [string, string[], RegExp][] = [
    [
      "a missing file",
      ["subscriber", "import", path.join(dir, "nope.csv")],
      /no such file: .*nope\.csv/,
    ],
    ["a file that is not CSV", ["subscriber", "import", notCsv], /is not readable as CSV/],
    [
      "a file without the header",
      ["subscriber", "import", noHeader],
      /needs a header line with the columns email,keywords/,
    ],
    [
      "an unknown subscriber (show)",
      ["subscriber", "show", "nobody@example.org"],
      /no subscriber nobody@example.org/,
    ],
    [
      "an unknown subscriber (pause)",
      ["subscriber", "pause", "nobody@example.org"],
      /no subscriber nobody@example.org/,
    ],
    [
      "an unknown subscriber (resume)",
      ["subscriber", "resume", "nobody@example.org"],
      /no subscriber nobody@example.org/,
    ],
    ["a bad address", ["subscriber", "show", "not-an-email"], /not a valid email address/],
    ["a bad --limit", ["editions", "list", "--limit", "zero"], /--limit must be a whole number/],
  ];
  it.each(cases)("%s", async (_name, argv, message) => {
    const run = await runCliWith(env, ...argv);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect(run.err.split("\n").filter((l) => l.startsWith("error:"))).toHaveLength(1);
  });
});

describe("a large import shows its progress on stderr as counted lines (not a terminal)", () => {
  it("counts the rows read, and the subscribers written", async () => {
    const dir = makeTempDir();
    const env = { DATABASE_URL: `file:${path.join(dir, "d.db")}` };
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => `reader${i}@example.org,rl|robots`);
    const large = path.join(dir, "large.csv");
    fs.writeFileSync(large, ["email,keywords", ...rows(25_000), "broken,rl"].join("\n"));
    const refused = await runCliWith(env, "subscriber", "import", large);
    expect(refused.code).toBe(1);
    expect(refused.err.split("\n").filter((l) => l.startsWith("rows read"))).toEqual([
      "rows read: 10000",
      "rows read: 20000",
      "rows read: 25001",
    ]);
    expect(refused.out).toMatch(/^line 25002 \(broken\): /);

    const medium = path.join(dir, "medium.csv");
    fs.writeFileSync(medium, ["email,keywords", ...rows(1_200)].join("\n"));
    const imported = await runCliWith(env, "subscriber", "import", medium, "--confirmed");
    expect(imported.code).toBe(0);
    expect(imported.err.split("\n").filter((l) => l.startsWith("subscribers written"))).toEqual([
      "subscribers written: 1000",
      "subscribers written: 1200",
    ]);
    expect(imported.out).toBe("added 1200, updated 0, unchanged 0, rejected 0");
    const stats = JSON.parse((await runCliWith(env, "stats", "--json")).out);
    expect(stats.subscribers.active).toBe(1_200);
  });
});
