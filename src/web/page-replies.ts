import type { FastifyReply } from "fastify";
import { escapeHtml } from "../digest/escape-html";
import { bi, pageLayout } from "./page-layout";

/** Sends a page with its status. */
export function sendPage(reply: FastifyReply, status: number, title: string, body: string) {
  return reply.code(status).type("text/html; charset=utf-8").send(pageLayout(title, body));
}

/** A Chinese and an English text, unescaped. */
export type Said = readonly [zh: string, en: string];

/** A page that only says something: a heading, a paragraph and, optionally, a link or two. */
export function messagePage(
  reply: FastifyReply,
  status: number,
  heading: Said,
  text: Said,
  moreHtml = "",
) {
  return sendPage(
    reply,
    status,
    `${heading[0]} ${heading[1]}`,
    `<h1>${bi(escapeHtml(heading[0]), escapeHtml(heading[1]))}</h1>
<p>${bi(escapeHtml(text[0]), escapeHtml(text[1]))}</p>${moreHtml}`,
  );
}

/** A link that is wrong, replaced or from a digest that no longer exists. */
export function invalidLinkPage(reply: FastifyReply) {
  return messagePage(
    reply,
    404,
    ["链接无效", "This link is not valid"],
    [
      "请使用最近一封邮件中的链接，或者让我们把新链接发到你的邮箱。",
      "Please use the link in your latest mail, or have a new link mailed to you.",
    ],
    `<p><a href="/manage">${bi("给我发送新链接", "Mail me a new link", " · ")}</a></p>`,
  );
}

/** A POST to a token page from another site's form. */
export function crossSitePage(reply: FastifyReply) {
  return messagePage(
    reply,
    403,
    ["请求被拒绝", "Request refused"],
    [
      "这个表单只能在本站页面上提交。请打开邮件中的链接再试。",
      "This form can only be sent from our own pages. Open the link in your mail and try again.",
    ],
  );
}

/**
 * "You are unsubscribed": after leaving, and for every old link of someone who left. With the
 * link's key (an address that unsubscribed, not one that bounced) it offers undo: a POST that
 * mails a new confirmation link (SubscriptionService.resubscribe says why not more).
 */
export function unsubscribedPage(reply: FastifyReply, undoKey?: string) {
  const undo = undoKey
    ? `<form method="post" action="/manage/${escapeHtml(undoKey)}/undo"><button type="submit" class="primary">${bi("撤销退订", "Undo: subscribe again", " ")}</button></form>
<p class="muted">${bi(
        "我们会给这个地址发一封确认邮件，按下邮件中链接页面上的按钮后，用原来的关键词和设置恢复发送。",
        "We mail this address a confirmation link; once you press the button on its page, digests come again with your keywords and settings as they were.",
      )}</p>`
    : "";
  return messagePage(
    reply,
    200,
    ["你已退订", "You are unsubscribed"],
    ["这个地址不会再收到每日论文。", "No more digests are sent to this address."],
    `${undo}<p><a href="/">${bi("用新的关键词订阅", "Subscribe with other keywords", " · ")}</a></p>`,
  );
}
