import type { Subscriber } from "../../subscribers/subscriber";
import { InputError } from "../../errors";
import { parseQueryList } from "../../match/query";
import { SAMPLE_KEYWORDS, sampleContent, sampleMessage } from "../../mail/sample-digest";
import { normalizeEmail } from "../../transport/email-address";
import { collect, printJson, withApp, type CommandRegistrar } from "../command-context";

interface TestSendFlags {
  edition?: string;
  keywords?: string[];
  json?: boolean;
}

/**
 * `test-send <address>`: mails one sample digest to any address, to check the mail setup and the
 * look of a digest. No delivery is recorded, so it never counts as a subscriber's digest.
 */
export const registerTestSendCommand: CommandRegistrar = (program, io) => {
  program
    .command("test-send <address>")
    .description(
      "mail a sample digest (latest edition, or the bundled feed) to any address; nothing is recorded",
    )
    .option(
      "--edition <yyyy-mm-dd>",
      "build it from this edition (default: the latest, or the bundled feed)",
    )
    .option(
      "-k, --keywords <query>",
      "keywords of the sample (default: the subscriber's, or two samples)",
      collect,
    )
    .option("--json", "print JSON")
    .action(async (address: string, opts: TestSendFlags) => {
      await withApp(io, async (app) => {
        const email = normalizeEmail(address);
        const known = await app.subscribers.findByEmail(email);
        const keywords = parseQueryList(opts.keywords ?? known?.keywords ?? SAMPLE_KEYWORDS).map(
          (q) => q.text,
        );
        const reader: Subscriber = {
          id: 0,
          email,
          status: "active",
          language: known?.language ?? "zh-CN",
          timeZone: known?.timeZone ?? app.config.digest.timeZone,
          hardBounces: 0,
          createdAt: new Date(),
          keywords,
        };
        const { content, source } = await sampleContent(app.delivery, opts.edition);
        const sample = await sampleMessage(app.delivery, content, reader);
        if (!sample) {
          throw new InputError(
            `no paper of ${source} matches ${keywords.join("; ")}; give other --keywords`,
          );
        }
        await app.transport().send(sample.message);
        const via = app.transport().description;
        if (opts.json) {
          return printJson(io, {
            to: email,
            source,
            papers: sample.papers,
            subject: sample.message.subject,
            via,
          });
        }
        io.out(
          `sent a sample digest of ${source} (${sample.papers} papers) to ${email} via ${via}`,
        );
      });
    });
};
