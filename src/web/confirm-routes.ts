import type { FastifyInstance, FastifyReply } from "fastify";
import type { ConfirmOutcome, SubscriptionService } from "../subscribers/subscription-service";
import { isCrossSite } from "./cross-site-guard";
import { escapeHtml } from "../digest/escape-html";
import { bi } from "./page-layout";
import { crossSitePage, invalidLinkPage, messagePage, sendPage } from "./page-replies";
import { limited } from "./rate-limits";

interface Deps {
  subscriptions: SubscriptionService;
  publicUrl: string;
}

type Params = { Params: { key: string } };

const keywordList = (keywords: readonly string[]) =>
  `<ul>${keywords.map((k) => `<li><code>${escapeHtml(k)}</code></li>`).join("")}</ul>`;

/**
 * The link in the confirmation mail. GET only shows the request and a button, because mail
 * scanners open links; pressing the button (a POST from this page) starts the subscription.
 */
export function registerConfirmRoutes(server: FastifyInstance, deps: Deps): void {
  server.get<Params>("/confirm/:key", limited("tokenPages"), async (request, reply) => {
    const outcome = await deps.subscriptions.checkConfirmation(request.params.key);
    if (outcome.status !== "valid") return notConfirmable(reply, outcome);
    return sendPage(
      reply,
      200,
      "确认订阅 Confirm your subscription",
      `<h1>${bi("确认订阅", "Confirm your subscription")}</h1>
<p>${bi(
        `<strong>${escapeHtml(outcome.subscriber.email)}</strong> 将订阅以下关键词：`,
        `<strong>${escapeHtml(outcome.subscriber.email)}</strong> will follow these keywords:`,
      )}</p>
${keywordList(outcome.subscriber.keywords)}
<form method="post"><button type="submit" class="primary" name="confirm" value="1">${bi("确认订阅", "Confirm", " ")}</button></form>
<p class="muted">${bi("不是你？关掉这个页面即可，什么都不会发送。", "Not you? Just close this page; nothing will be sent.")}</p>`,
    );
  });

  server.post<Params>("/confirm/:key", limited("tokenPages"), async (request, reply) => {
    if (isCrossSite(request, deps.publicUrl)) return crossSitePage(reply);
    const outcome = await deps.subscriptions.confirm(request.params.key);
    if (outcome.status !== "confirmed") return notConfirmable(reply, outcome);
    return sendPage(
      reply,
      200,
      "订阅成功 Subscribed",
      `<h1>${bi("订阅成功", "You are subscribed")}</h1>
<p role="status">${bi(
        "每个 arXiv 发布日，有新论文符合你的关键词时，我们会给你发邮件。",
        "On every arXiv announcement day with new papers matching your keywords, a digest will come.",
      )}</p>
${keywordList(outcome.subscriber.keywords)}
<p><a href="/manage/${escapeHtml(outcome.manageKey)}">${bi("管理关键词和设置", "Manage keywords and settings", " · ")}</a></p>
<p class="muted">${bi("每封邮件里都有这个管理链接。", "Every digest carries a link to that page too.")}</p>`,
    );
  });
}

function notConfirmable(reply: FastifyReply, outcome: ConfirmOutcome) {
  if (outcome.status === "used") {
    return messagePage(
      reply,
      409,
      ["已经确认过了", "Already confirmed"],
      [
        "这个确认链接已经用过，订阅已生效。需要管理链接的话，我们可以发到你的邮箱。",
        "This confirmation link was used already: the subscription is active. We can mail you a manage link.",
      ],
      `<p><a href="/manage">${bi("给我发送管理链接", "Mail me a manage link", " · ")}</a></p>`,
    );
  }
  if (outcome.status !== "expired") return invalidLinkPage(reply);
  return messagePage(
    reply,
    410,
    ["链接已过期", "This link has expired"],
    [
      "确认链接 48 小时内有效。请重新订阅，我们会发送新的链接。",
      "Confirmation links work for 48 hours. Subscribe again to get a new one.",
    ],
    `<p><a href="/">${bi("重新订阅", "Subscribe again", " · ")}</a></p>`,
  );
}
