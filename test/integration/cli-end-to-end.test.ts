import fs from "node:fs";
import { parseDocument, DomUtils } from "htmlparser2";
import type { ParsedMail } from "mailparser";
import { runCliWith } from "../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/databases";
import { EXAMPLE_FEED } from "../support/temp-dir";

/**
 * An oracle independent of the parser and matcher: the fixture's items by regex, and a paper
 * matches a phrase when its title or description contains it (case and spacing aside).
 */
function expectedMatches(phrase: string): { id: string; title: string }[] {
  const xml = fs.readFileSync(EXAMPLE_FEED, "utf8");
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].flatMap(([, item = ""]) => {
    const title = /<title>([\s\S]*?)<\/title>/.exec(item)?.[1] ?? "";
    const text = `${title} ${/<description>([\s\S]*?)<\/description>/.exec(item)?.[1]}`;
    const folded = text.toLowerCase().replace(/[\s-]+/g, " ");
    const id = /<link>https:\/\/arxiv.org\/abs\/(\S+?)<\/link>/.exec(item)?.[1] ?? "";
    return folded.includes(phrase) ? [{ id, title: title.replace(/\s+/g, " ").trim() }] : [];
  });
}

function htmlText(mail: ParsedMail): string {
  return DomUtils.textContent(parseDocument(String(mail.html))).replace(/\s+/g, " ");
}

describeEachDatabase("arxiv-digest run, end to end (%s + real SMTP server)", (kind) => {
  let sink: SmtpSink;
  let database: TestDatabase;
  let env: Record<string, string>;
  const rl = expectedMatches("reinforcement learning");
  const dp = expectedMatches("diffusion policy");
  const union = new Map([...rl, ...dp].map((p) => [p.id, p]));

  beforeAll(async () => {
    sink = await startSmtpSink();
    database = createTestDatabase(kind);
    env = {
      DATABASE_URL: database.url,
      SMTP_URL: sink.url,
      MAIL_FROM: "arXiv Digest <digest@lab.example.org>",
    };
    const add = (email: string, ...keywords: string[]) =>
      runCliWith(
        env,
        "subscriber",
        "add",
        email,
        ...keywords.flatMap((k) => ["--keywords", k]),
        "--confirmed",
      );
    expect(
      // Quoted: phrases, as in the reference digest (unquoted words are each required, anywhere).
      (await add("alice@example.org", '"reinforcement learning"', '"diffusion policy"')).code,
    ).toBe(0);
    expect((await add("bob@example.org", '"diffusion policy"')).code).toBe(0);
    expect((await add("carol@example.org", "quantum chromodynamics")).code).toBe(0);
  });

  afterAll(async () => {
    await sink.close();
    await database.drop();
  });

  it("mails one digest to each matching subscriber and none to the others", async () => {
    const run = await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
    expect(run.err).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.out).toContain("sent 2");
    expect(sink.recipients.sort()).toEqual(["alice@example.org", "bob@example.org"]);
  });

  it("puts the edition date and the unique paper count in the subject", () => {
    expect(rl.length).toBeGreaterThan(30);
    expect(union.size).toBe(34);
    const alice = sink.messages.find((m) => m.to && JSON.stringify(m.to).includes("alice"));
    const bob = sink.messages.find((m) => m.to && JSON.stringify(m.to).includes("bob"));
    expect(alice?.subject).toBe(
      'arXiv 每日论文 2025-10-17 · 34 篇 · "reinforcement learning", "diffusion policy"',
    );
    expect(bob?.subject).toBe(`arXiv 每日论文 2025-10-17 · ${dp.length} 篇 · "diffusion policy"`);
  });

  it("has a text and an HTML part, each with every matched title and its abs link", () => {
    for (const mail of sink.messages) {
      const mine = JSON.stringify(mail.to).includes("alice") ? [...union.values()] : dp;
      const text = String(mail.text).replace(/\s+/g, " ");
      const html = String(mail.html);
      expect(text.length).toBeGreaterThan(1000);
      expect(html).toContain("<html");
      const visible = htmlText(mail);
      for (const paper of mine) {
        const title = paper.title.replace(/&amp;/g, "&");
        expect(text).toContain(title);
        expect(visible).toContain(title);
        expect(text).toContain(`https://arxiv.org/abs/${paper.id}`);
        expect(html).toContain(`href="https://arxiv.org/abs/${paper.id}"`);
      }
    }
  });

  it("carries list headers and a Message-ID on the sender's domain", () => {
    for (const mail of sink.messages) {
      expect(mail.messageId).toMatch(/^<digest\.2025-10-17\.\d+@lab\.example\.org>$/);
      expect(mail.headers.get("list")).toMatchObject({
        id: { name: "arXiv digest", id: "digest.lab.example.org" },
        unsubscribe: {
          url: expect.stringMatching(/^http:\/\/localhost:3000\/unsubscribe\/\d+\./),
          mail: "digest@lab.example.org?subject=unsubscribe",
        },
      });
    }
  });

  it("sends nothing when the same command runs again", async () => {
    const before = sink.messages.length;
    const run = await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
    expect(run.code).toBe(0);
    expect(run.out).toContain("already stored");
    expect(run.out).toContain("sent 0");
    expect(sink.messages.length).toBe(before);
  });
});
