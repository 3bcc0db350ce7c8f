import type { FastifyInstance } from "fastify";
import type { DeliveryStore } from "../mail/delivery";
import type { SubscriberStore } from "../subscribers/subscriber";
import { parseDeliveryKey } from "../mail/delivery-links";
import { linkTokenMatches } from "../subscribers/link-token";
import { invalidLinkPage, sendPage, unsubscribedPage } from "./page-replies";
import { limited } from "./rate-limits";

interface Deps {
  deliveries: Pick<DeliveryStore, "findForLink">;
  subscribers: Pick<SubscriberStore, "unsubscribe">;
}

/**
 * Leaving, from the link in every digest. GET only shows a page with one button, because mail
 * scanners open links; the POST leaves. The same POST URL serves RFC 8058 one-click
 * unsubscribe from mail clients: no cookie, no second page, the token in the URL is the proof.
 */
export function registerUnsubscribeRoutes(server: FastifyInstance, deps: Deps): void {
  // RFC 8058's own example posts multipart/form-data; others post urlencoded or nothing. The
  // body says only "List-Unsubscribe=One-Click", so any body is taken (within the body limit)
  // and none is read. Registered in this scope only: the other forms keep their parsers.
  server.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, done) => done(null));

  server.get<{ Params: { key: string } }>(
    "/unsubscribe/:key",
    limited("tokenPages"),
    async (request, reply) => {
      if ((await subscriberOfLink(deps, request.params.key)) === undefined)
        return invalidLinkPage(reply);
      return sendPage(
        reply,
        200,
        "退订 Unsubscribe",
        `<h1>退订 arXiv 每日论文<br><span lang="en">Unsubscribe from the arXiv digest</span></h1>
<p>点击下面的按钮后，将不再收到每日论文邮件。<br><span lang="en">Press the button and no more digests will be sent to you.</span></p>
<form method="post"><button type="submit" name="confirm" value="1">退订 Unsubscribe</button></form>`,
      );
    },
  );

  server.post<{ Params: { key: string } }>(
    "/unsubscribe/:key",
    limited("tokenPages"),
    async (request, reply) => {
      const subscriberId = await subscriberOfLink(deps, request.params.key);
      if (subscriberId === undefined) return invalidLinkPage(reply);
      await deps.subscribers.unsubscribe(subscriberId);
      // The undo it offers is a new double opt-in (see SubscriptionService.resubscribe).
      return unsubscribedPage(reply, request.params.key);
    },
  );
}

async function subscriberOfLink(deps: Deps, key: string): Promise<number | undefined> {
  const parsed = parseDeliveryKey(key);
  if (!parsed) return undefined;
  const delivery = await deps.deliveries.findForLink(parsed.deliveryId);
  return delivery && linkTokenMatches(parsed.token, delivery.linkTokenHash)
    ? delivery.subscriberId
    : undefined;
}
