import { InputError, NotFoundError } from "../../errors";
import { addSubscriber } from "../../subscribers/add-subscriber";
import { editKeywords, type KeywordEdit } from "../../subscribers/edit-keywords";
import { normalizeEmail } from "../../transport/email-address";
import { isTimeZone } from "../../subscribers/time-zone";
import { allPages } from "../../subscribers/subscriber";
import { collect, printJson, withApp, type CommandRegistrar } from "../command-context";

export const registerSubscriberCommands: CommandRegistrar = (program, io) => {
  const subscriber = program.command("subscriber").description("manage subscribers");

  subscriber
    .command("add <email>")
    .description("add a subscriber with one or more keyword queries")
    .requiredOption("-k, --keywords <query>", "a keyword query (repeat for more)", collect)
    .option("--confirmed", "mark as confirmed (active) at once; otherwise pending", false)
    .option("--lang <variant>", "Chinese variant: zh-CN or zh-TW", "zh-CN")
    .option("--tz <zone>", "IANA time zone for the times in the digest")
    .option("--if-missing", "do nothing (and succeed) if the address is already subscribed", false)
    .action(
      async (
        email: string,
        opts: {
          keywords: string[];
          confirmed: boolean;
          lang: string;
          tz?: string;
          ifMissing: boolean;
        },
      ) => {
        await withApp(io, async (app) => {
          const timeZone = opts.tz ?? app.config.digest.timeZone;
          if (!isTimeZone(timeZone)) {
            throw new InputError(`"${timeZone}" is not an IANA time zone (e.g. Asia/Shanghai)`);
          }
          if (opts.ifMissing && (await app.subscribers.findByEmail(normalizeEmail(email)))) {
            io.out(`${normalizeEmail(email)} is already subscribed; nothing changed`);
            return;
          }
          const added = await addSubscriber(
            app.subscribers,
            {
              email,
              keywords: opts.keywords,
              confirmed: opts.confirmed,
              language: opts.lang,
              timeZone,
            },
            app.suppressions,
          );
          io.out(
            `added ${added.email} (${added.status}) with ${added.keywords.length} keyword(s): ${added.keywords.join("; ")}`,
          );
        });
      },
    );

  subscriber
    .command("list")
    .description("list subscribers")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withApp(io, async (app) => {
        if (opts.json) return printJson(io, await allPages(app.subscribers.pages()));
        let listed = 0;
        for await (const page of app.subscribers.pages()) {
          for (const s of page)
            io.out(`${s.email}\t${s.status}\t${s.language}\t${s.keywords.join("; ")}`);
          listed += page.length;
        }
        if (listed === 0) io.out("no subscribers");
      });
    });

  subscriber
    .command("keywords <email>")
    .description("show a subscriber's keyword queries, or change them with --set, --add, --remove")
    .option("--set <query>", "replace the whole list with these queries (repeatable)", collect)
    .option("--add <query>", "add a query (repeatable)", collect)
    .option("--remove <query>", "remove a query (repeatable)", collect)
    .option("--json", "print JSON")
    .action(async (email: string, opts: KeywordEdit & { json?: boolean }) => {
      await withApp(io, async (app) => {
        const found = await app.subscribers.findByEmail(normalizeEmail(email));
        if (!found) throw new NotFoundError(`no subscriber ${normalizeEmail(email)}`);
        const changing = Boolean(opts.set ?? opts.add ?? opts.remove);
        const keywords = changing ? editKeywords(found.keywords, opts) : found.keywords;
        if (changing) await app.subscriptionStore.replaceKeywords(found.id, keywords);
        if (opts.json) return printJson(io, { email: found.email, keywords });
        io.out(`${found.email}: ${keywords.length} keyword(s): ${keywords.join("; ")}`);
      });
    });

  subscriber
    .command("remove <email>")
    .description("delete a subscriber and their keywords")
    .action(async (email: string) => {
      await withApp(io, async (app) => {
        const normalized = normalizeEmail(email);
        if (!(await app.subscribers.remove(normalized)))
          throw new NotFoundError(`no subscriber ${normalized}`);
        io.out(`removed ${normalized}`);
      });
    });
};
