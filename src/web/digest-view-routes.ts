import type { FastifyInstance } from "fastify";
import type { EditionStore } from "../arxiv/edition";
import type { DigestHtmlTemplate } from "../digest/digest-html-template";
import { deliveryLinks } from "../mail/delivery-links";
import type { SubscriptionService } from "../subscribers/subscription-service";
import type { EditionContentCache } from "./edition-content-cache";
import { escapeHtml } from "../digest/escape-html";
import { bi } from "./page-layout";
import { invalidLinkPage, sendPage } from "./page-replies";
import { limited } from "./rate-limits";
import { digestLinksOf } from "../mail/digest-message";

interface Deps {
  subscriptions: SubscriptionService;
  settings: { publicUrl: string; mailFrom: string; maxPapers: number };
  editions: Pick<EditionStore, "findByDate">;
  template: () => Promise<DigestHtmlTemplate>;
  contentOf: EditionContentCache;
}

type Params = { Params: { date: string; key: string } };

/**
 * "View in browser": the digest of one delivery as a page, rendered by the same compiled
 * template as the mail (bilingual, the subscriber's Chinese variant), built with the
 * subscriber's current keywords. The links in it are the delivery's own.
 */
export function registerDigestViewRoutes(server: FastifyInstance, deps: Deps): void {
  server.get<Params>("/digest/:date/:key", limited("tokenPages"), async (request, reply) => {
    const link = await deps.subscriptions.deliveryForLink(request.params.key);
    if (!link || link.editionDate !== request.params.date) return invalidLinkPage(reply);
    const edition = await deps.editions.findByDate(link.editionDate);
    if (!edition) return invalidLinkPage(reply);
    const content = await deps.contentOf(edition);
    const digest = content.digestFor(
      { ...link.subscriber, status: "active" },
      { maxPapers: deps.settings.maxPapers, now: new Date() },
    );
    const links = deliveryLinks(
      deps.settings.publicUrl,
      deps.settings.mailFrom,
      { id: link.deliveryId, editionDate: link.editionDate },
      link.token,
    );
    if (!digest) {
      return sendPage(
        reply,
        200,
        `arXiv ${link.editionDate}`,
        `<h1>${bi(`${escapeHtml(link.editionDate)} 没有匹配的论文`, `No matching papers on ${escapeHtml(link.editionDate)}`)}</h1>
<p>${bi("按你现在的关键词，这一期没有论文。", "With your current keywords, this edition has no papers for you.")}</p>
<p><a href="${escapeHtml(links.manageUrl)}">${bi("管理关键词", "Manage keywords", " · ")}</a></p>`,
      );
    }
    const template = await deps.template();
    // No size budget: the page is where shortened abstracts are read in full.
    const html = template.render(digest, digestLinksOf(links), { maxHtmlKb: Infinity });
    return reply.type("text/html; charset=utf-8").send(html);
  });
}
