import fs from "node:fs";
import path from "node:path";
import { runCliWith } from "../support/run-cli";
import { startFeedServer } from "../support/feed-server";
import { shiftedFeed } from "../support/shifted-feed";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { EXAMPLE_FEED, makeTempDir } from "../support/temp-dir";

const FIXTURE = fs.readFileSync(EXAMPLE_FEED, "utf8");
const QUIRKS = path.resolve(__dirname, "..", "fixtures", "quirks");

function itemOf(xml: string, id: string): string {
  return (
    [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)]
      .map((m) => m[0])
      .find((item) => item.includes(`abs/${id}<`)) ?? ""
  );
}

/**
 * The next announcement (Monday 20 Oct 2025), made from the fixture: every paper under a new id
 * (2510.1xxxx → 2510.9xxxx), the copy of 2510.12815 announced as a replacement, and a second
 * version of the original 2510.13324 (mailed on Friday) as a replacement too.
 */
function nextDayFeed(): string {
  let xml = shiftedFeed("Mon, 20 Oct 2025", 9);
  const replaced = itemOf(xml, "2510.92815");
  xml = xml.replace(
    replaced,
    replaced
      .replace("Announce Type: new", "Announce Type: replace")
      .replace(">new</arxiv:announce_type>", ">replace</arxiv:announce_type>"),
  );
  const v2 = itemOf(FIXTURE, "2510.13324")
    .replace(/Fri, 17 Oct 2025/g, "Mon, 20 Oct 2025")
    .replace(/2510\.13324v1/g, "2510.13324v2")
    .replace("Announce Type: new", "Announce Type: replace")
    .replace(/>new<\/arxiv:announce_type>/, ">replace</arxiv:announce_type>");
  return xml.replace("</channel>", `${v2}\n</channel>`);
}

describe("fetch over HTTP (loopback arXiv)", () => {
  it("downloads the configured feed, then makes a conditional GET and changes nothing on 304", async () => {
    const server = await startFeedServer((request) =>
      request.headers["if-none-match"] === '"batch-1"'
        ? { status: 304 }
        : { status: 200, headers: { etag: '"batch-1"' }, body: FIXTURE },
    );
    try {
      const env = {
        DATABASE_URL: `file:${path.join(makeTempDir(), "db.db")}`,
        ARXIV_FEED_URL: server.url,
        ARXIV_CATEGORIES: "cs",
        ARXIV_CONTACT: "ops@lab.example.org",
      };
      const first = await runCliWith(env, "fetch");
      expect(first.out).toBe("edition 2025-10-17: stored 34 papers");
      const second = await runCliWith(env, "fetch");
      expect(second.out).toBe("edition 2025-10-17 was already stored; nothing new");
      expect(server.seen.map((s) => s.headers["if-none-match"])).toEqual([undefined, '"batch-1"']);
      expect(server.seen[0]?.headers["user-agent"]).toMatch(
        /^arxiv-digest\/\S+ \(.*contact: ops@lab\.example\.org\)$/,
      );
    } finally {
      await server.close();
    }
  });
});

describe("feeds that are refused store nothing", () => {
  it.each([
    ["rss2-feed-error.xml", /Feed error for query/i],
    ["rss2-truncated.xml", /not a readable RSS or Atom feed/],
    ["rss2-item-without-guid.xml", /no <guid>/],
  ])("%s", async (file, message) => {
    const env = { DATABASE_URL: `file:${path.join(makeTempDir(), "db.db")}` };
    const run = await runCliWith(
      env,
      "fetch",
      "--feed-file",
      EXAMPLE_FEED,
      "--feed-file",
      path.join(QUIRKS, file),
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect((await runCliWith(env, "send")).err).toMatch(/no edition yet/);
  });
});

describe("across editions", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  async function fridayThenMonday(extraEnv: Record<string, string>) {
    const dir = makeTempDir();
    const env = {
      DATABASE_URL: `file:${path.join(dir, "db.db")}`,
      SMTP_URL: sink.url,
      ...extraEnv,
    };
    fs.writeFileSync(path.join(dir, "monday.xml"), nextDayFeed());
    const email = `reader-${path.basename(dir)}@example.org`.toLowerCase();
    await runCliWith(env, "subscriber", "add", email, "-k", "diffusion policy", "--confirmed");
    expect((await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED)).code).toBe(0);
    const monday = await runCliWith(env, "run", "--feed-file", path.join(dir, "monday.xml"));
    expect(monday.out).toContain("edition 2025-10-20: stored 35 papers");
    const mine = sink.messages.filter((m) => JSON.stringify(m.to).includes(email));
    expect(mine).toHaveLength(2);
    expect(mine[0]?.text).toContain("abs/2510.13324");
    expect(mine[0]?.text).toContain("abs/2510.12815");
    return String(mine[1]?.text);
  }

  it("leaves replacements out by default", async () => {
    const monday = await fridayThenMonday({});
    expect(monday).toMatch(/^arXiv 每日论文 · arXiv digest · 2025-10-20$/m);
    expect(monday).toContain("abs/2510.93324");
    expect(monday).not.toContain("abs/2510.92815");
    expect(monday).not.toContain("abs/2510.13324");
  });

  it("with replacements on, still never mails a paper twice to one subscriber", async () => {
    const monday = await fridayThenMonday({ ARXIV_INCLUDE_REPLACEMENTS: "true" });
    expect(monday).toContain("abs/2510.93324");
    expect(monday).toContain("abs/2510.92815");
    expect(monday).not.toContain("abs/2510.13324");
  });
});
