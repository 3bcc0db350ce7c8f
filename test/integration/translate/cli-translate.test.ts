import type { ParsedMail } from "mailparser";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { EXAMPLE_FEED } from "../../support/temp-dir";
import {
  goodChatReply,
  papersOf,
  startTranslationServer,
  type SeenCall,
} from "./fake-translation-server";

const NOTE =
  "部分文章暂无中文翻译，先附英文原文。 Some papers are shown in English only; their translation is not ready.";
/** The model "cannot" translate this paper: it is left out of every answer. */
const UNTRANSLATABLE = "Pruning Cannot Hurt Robustness";

/** Each paper block of a text part: its English title and the line after it. */
function paperBlocks(mail: ParsedMail | undefined): Map<string, string> {
  const lines = String(mail?.text).split("\n");
  const blocks = new Map<string, string>();
  lines.forEach((line, i) => {
    if (!line.startsWith("- Authors:")) return;
    let start = i - 1;
    while (start > 0 && lines[start - 1] !== "") start -= 1;
    blocks.set(lines[start] ?? "", lines[start + 1] ?? "");
  });
  return blocks;
}

describeEachDatabase(
  "arxiv-digest run with TRANSLATOR=openai (%s, loopback model, real SMTP)",
  (kind) => {
    let sink: SmtpSink;
    let database: TestDatabase;
    let model: Awaited<ReturnType<typeof startTranslationServer>>;
    let env: Record<string, string>;
    const mailTo = (who: string) => sink.messages.find((m) => JSON.stringify(m.to).includes(who));
    const askedTitles = () => new Map(model.calls.flatMap(papersOf).map((p) => [p.id, p.title]));

    beforeAll(async () => {
      sink = await startSmtpSink();
      database = createTestDatabase(kind);
      model = await startTranslationServer((call) =>
        goodChatReply(call, (paper) => paper.title.startsWith(UNTRANSLATABLE)),
      );
      env = {
        DATABASE_URL: database.url,
        SMTP_URL: sink.url,
        MAIL_FROM: "arXiv Digest <digest@lab.example.org>",
        TRANSLATOR: "openai",
        TRANSLATOR_BASE_URL: `${model.url}/v1`,
        TRANSLATOR_MODEL: "test-model",
        LOG_LEVEL: "error",
      };
      const add = async (email: string, lang: string, ...keywords: string[]) => {
        const flags = keywords.flatMap((k) => ["--keywords", k]);
        const result = await runCliWith(
          env,
          "subscriber",
          "add",
          email,
          ...flags,
          "--lang",
          lang,
          "--confirmed",
        );
        expect(result.code).toBe(0);
      };
      await add("alice@example.org", "zh-CN", "pruning", "LLM");
      await add("bob@example.org", "zh-TW", "diffusion policy");
      await add("carol@example.org", "zh-CN", "quantum chromodynamics");
    });

    afterAll(async () => {
      await sink.close();
      await model.close();
      await database.drop();
    });

    it("mails on time with English where translation failed, and asks only for matched papers", async () => {
      const run = await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
      expect(run.code).toBe(0);
      expect(run.out).toContain("sent 2");
      expect(sink.recipients.sort()).toEqual(["alice@example.org", "bob@example.org"]);
      // The model was asked about exactly the papers the two digests show, not the edition's 34.
      const mailed = new Set([
        ...paperBlocks(mailTo("alice")).keys(),
        ...paperBlocks(mailTo("bob")).keys(),
      ]);
      expect(mailed.size).toBeGreaterThanOrEqual(5);
      expect(mailed.size).toBeLessThan(34);
      expect(new Set(askedTitles().values())).toEqual(mailed);
      expect(papersOf(model.calls[0] as SeenCall).length).toBeGreaterThanOrEqual(5);
      // The untranslatable paper was asked for three times in all, alone after the first.
      const failedAsks = model.calls.filter((c) =>
        papersOf(c).some((p) => p.title.startsWith(UNTRANSLATABLE)),
      );
      expect(failedAsks.map((c) => papersOf(c).length).slice(1)).toEqual([1, 1]);
      expect(failedAsks).toHaveLength(3);
    });

    it("shows Chinese under each translated title, English only plus the note for the failed one", () => {
      const alice = mailTo("alice");
      const blocks = paperBlocks(alice);
      expect([...blocks.keys()].some((title) => title.startsWith(UNTRANSLATABLE))).toBe(true);
      for (const [title, next] of blocks) {
        if (title.startsWith(UNTRANSLATABLE)) expect(next).toMatch(/^- Authors:/);
        else expect(next).toMatch(/^本文研究/);
      }
      expect(String(alice?.text)).toContain(NOTE);
      // The one-line summary came in the same answers: one per translated paper, in both parts.
      const summaries = String(alice?.text).match(/\n一句话总结：本文针对/g) ?? [];
      expect(summaries).toHaveLength(blocks.size - 1);
      expect(String(alice?.html).match(/一句话总结：本文针对/g)).toHaveLength(blocks.size - 1);
      expect(String(alice?.html)).toContain("部分文章暂无中文翻译");
      expect(String(alice?.html)).toContain('lang="zh-CN"');
    });

    it("gives the zh-TW subscriber the same translation in Traditional characters", () => {
      const bob = mailTo("bob");
      const text = String(bob?.text);
      expect(text).toContain("擴散策略");
      expect(text).not.toContain("扩散策略");
      // The summary is converted too (種, not 种).
      expect(text).toMatch(/\n一句話總結：本文針對[^\n]+提出一種新方法/);
      expect(text).not.toContain(NOTE);
      expect(String(bob?.html)).toContain('lang="zh-TW"');
    });

    it("sends nothing more on a second run, and asks the model nothing", async () => {
      const mails = sink.messages.length;
      const before = model.calls.length;
      const run = await runCliWith(env, "run", "--feed-file", EXAMPLE_FEED);
      expect(run.code).toBe(0);
      expect(run.out).toContain("sent 0");
      expect(sink.messages.length).toBe(mails);
      // Everyone has been mailed, so not even the paper that failed is asked about again.
      expect(model.calls.slice(before)).toEqual([]);
    });
  },
);
