import path from "node:path";
import { addSubscriber } from "../../subscribers/add-subscriber";
import { allPages } from "../../subscribers/subscriber";
import { describeIngest } from "../../arxiv/fetch-edition";
import { withApp, type CommandRegistrar } from "../command-context";
import { onDemandCommands } from "../on-demand-commands";

/** A real announcement (17 Oct 2025, 34 papers) shipped in the repository: the demo is offline. */
const DEMO_FEED = path.resolve(
  __dirname,
  "..",
  "..",
  "..",
  "test",
  "fixtures",
  "example-digest-papers.rss.xml",
);
const DEMO_ADDRESS = "demo@example.org";
/** Chosen to match some of the feed's papers, not all: the digest shows the filtering at work. */
const DEMO_KEYWORDS = ['ti:"reinforcement learning"', '"diffusion policy"'];

export const registerDemoCommand: CommandRegistrar = (program, io) => {
  program
    .command("demo")
    .description(
      "npm run demo: subscribe demo@example.org, mail it the bundled edition, then serve the pages its links open",
    )
    .option("--no-serve", "stop once the mail is written")
    .action(async (opts: { serve: boolean }) => {
      await withApp(io, async (app) => {
        if (!(await app.subscribers.findByEmail(DEMO_ADDRESS))) {
          await addSubscriber(
            app.subscribers,
            {
              email: DEMO_ADDRESS,
              keywords: DEMO_KEYWORDS,
              confirmed: true,
              language: "zh-CN",
              timeZone: app.config.digest.timeZone,
            },
            app.suppressions,
          );
          io.out(`subscribed ${DEMO_ADDRESS} to ${DEMO_KEYWORDS.join(" and ")}`);
        }
        const ingest = await app.fetchEdition({ feedFiles: [DEMO_FEED] });
        io.out(describeIngest(ingest));
        if (ingest.kind === "empty") return;
        const date = ingest.edition.date;
        const { plan } = await app.planEdition({ editionDate: date, onlyEmail: DEMO_ADDRESS });
        const [planned] = await allPages(plan);
        const result = await app.deliverEdition({ editionDate: date, onlyEmail: DEMO_ADDRESS });
        const via = app.transport().description;
        io.out(
          result.sent > 0
            ? `mailed ${DEMO_ADDRESS} a digest of the ${planned?.papers} papers that match its keywords, via ${via}`
            : `${DEMO_ADDRESS} already has this edition's digest (${via}); nothing sent again`,
        );
        if (!opts.serve) return;
        await onDemandCommands.service().servePagesUntilStopped(app, () => {
          io.out(
            `serving the pages the mail links to at ${app.config.publicUrl} (web view, manage, unsubscribe); Ctrl-C to stop`,
          );
        });
      });
    });
};
