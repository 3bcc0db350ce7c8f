import crypto from "node:crypto";
import path from "node:path";
import { announcedAtOf, editionDateOf, latestEditionDateAt } from "../arxiv/announcement-time";
import { readFeedFiles } from "../arxiv/load-feeds";
import type { Subscriber } from "../subscribers/subscriber";
import { digestSubject } from "../digest/digest-mail-parts";
import { EditionContent } from "../digest/edition-content";
import { createLinkToken } from "../subscribers/link-token";
import { senderDomain } from "../transport/message-headers";
import { loadEditionContent, type DeliverDeps } from "./deliver-edition";
import { deliveryLinks } from "./delivery-links";
import { digestMessage } from "./digest-message";
import type { OutgoingMessage } from "../transport/mail-transport";

/** The real arXiv feed shipped with the project (17 Oct 2025), for a sample before any fetch. */
const SAMPLE_FEED = path.resolve(
  __dirname,
  "..",
  "..",
  "test",
  "fixtures",
  "example-digest-papers.rss.xml",
);

/** Keywords of a sample for an address that is not a subscriber. */
export const SAMPLE_KEYWORDS = ['"reinforcement learning"', '"diffusion policy"'];

/**
 * The edition a sample digest is built from: the one named, else the latest stored, else the
 * bundled feed (nothing of it is stored).
 */
export async function sampleContent(
  deps: Pick<DeliverDeps, "editions" | "deliveries" | "settings">,
  editionDate?: string,
): Promise<{ content: EditionContent; source: string }> {
  if (editionDate || (await deps.editions.latest())) {
    const content = await loadEditionContent(deps, editionDate);
    return { content, source: `edition ${content.edition.date}` };
  }
  const [feed] = await readFeedFiles([SAMPLE_FEED]);
  if (!feed) throw new Error(`the sample feed ${SAMPLE_FEED} is empty`);
  const date = feed.pubDate ? editionDateOf(feed.pubDate) : latestEditionDateAt(new Date());
  const edition = {
    id: 0,
    date,
    announcedAt: announcedAtOf(date),
    categories: [feed.query],
    status: "ingested" as const,
  };
  const papers = feed.items.map((item, i) => ({
    ...item.paper,
    id: i + 1,
    announceType: item.announceType,
    translations: [],
  }));
  return {
    content: new EditionContent(edition, papers, deps.settings),
    source: "the bundled sample feed",
  };
}

/**
 * A digest for `subscriber` as the send path would build it, marked as a test in the subject,
 * with a Message-ID of its own (a real digest's id must stay unique) and links that lead
 * nowhere (no delivery exists). Undefined when no paper matches.
 */
export async function sampleMessage(
  deps: Pick<DeliverDeps, "settings" | "template">,
  content: EditionContent,
  subscriber: Subscriber,
): Promise<{ message: OutgoingMessage; papers: number } | undefined> {
  const { maxPapers, publicUrl, mailFrom } = deps.settings;
  const digest = content.digestFor(subscriber, { maxPapers, now: new Date() });
  if (!digest) return undefined;
  const links = deliveryLinks(
    publicUrl,
    mailFrom,
    { id: 0, editionDate: digest.editionDate },
    createLinkToken().token,
  );
  const message = digestMessage(await deps.template(), {
    from: mailFrom,
    to: subscriber.email,
    subject: `[test] ${digestSubject(digest)}`,
    digest,
    deliveryId: 0,
    links,
  });
  const id = crypto.randomBytes(8).toString("hex");
  message.messageId = `<sample.${digest.editionDate}.${id}@${senderDomain(mailFrom)}>`;
  return { message, papers: digest.uniquePaperCount };
}
