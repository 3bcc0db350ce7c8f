import { NotFoundError } from "../../errors";
import { renderDigestText } from "../../digest/render-digest-text";
import { digestSubject } from "../../digest/digest-mail-parts";
import { normalizeEmail } from "../../transport/email-address";
import { withApp, type CommandRegistrar } from "../command-context";
import { writeOutputFile } from "../output-file";
import { recipientsOf } from "../../mail/recipient-pages";

export const registerPreviewCommand: CommandRegistrar = (program, io) => {
  program
    .command("preview <email>")
    .description("render a subscriber's digest of an edition without sending it")
    .option("--edition <yyyy-mm-dd>", "which edition (default: the latest)")
    .option("--html <file>", "write the HTML part here")
    .option("--text <file>", "write the plain-text part here (default: print it)")
    .action(async (email: string, opts: { edition?: string; html?: string; text?: string }) => {
      await withApp(io, async (app) => {
        const subscriber = await app.subscribers.findByEmail(normalizeEmail(email));
        if (!subscriber) throw new NotFoundError(`no subscriber ${email}`);
        const content = await app.loadEditionContent(opts.edition);
        // What the send would leave out (papers mailed to them before) is left out here too.
        const [recipient] = await recipientsOf(app, content, [subscriber], {
          from: subscriber.id,
          to: subscriber.id,
        });
        const digest = content.digestFor(
          subscriber,
          { maxPapers: app.config.digest.maxPapers, now: new Date() },
          recipient?.mailedBefore,
        );
        if (!digest) {
          io.out(
            `${subscriber.email}: no paper of edition ${content.edition.date} matches; no mail would be sent`,
          );
          return;
        }
        // A preview is never mailed, so its unsubscribe link carries no real token.
        const links = {
          unsubscribeUrl: `${app.config.publicUrl}/unsubscribe/preview`,
          manageUrl: `${app.config.publicUrl}/manage/preview`,
          webViewUrl: `${app.config.publicUrl}/digest/${content.edition.date}/preview`,
        };
        const text = renderDigestText(digest, links);
        if (opts.html)
          await writeOutputFile(opts.html, (await app.delivery.template()).render(digest, links));
        if (opts.text) await writeOutputFile(opts.text, text);
        else if (!opts.html) io.out(text);
        io.err(`Subject: ${digestSubject(digest)}`);
      });
    });
};
