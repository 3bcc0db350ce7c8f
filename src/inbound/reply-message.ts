import crypto from "node:crypto";
import he from "he";
import { senderDomain, stripLineBreaks } from "../transport/message-headers";
import type { OutgoingMessage } from "../transport/mail-transport";
import { toTraditional } from "../translate/chinese-script";
import type { InboundOutcome, MailResult } from "./carry-out-command";
import type { LineProblem } from "./inbound-command";
import type { CommandMail } from "./read-command-mail";

/** The answer to one command mail: what happened, in Chinese then English. */
interface ReplyText {
  zh: string;
  en: string;
  /** Listed below both: the queries now in force, or the problems to fix. */
  items: string[];
}

const HOW_TO_SUBSCRIBE = {
  zh: "请发送主题为 subscribe 的邮件，正文每行写一个关键词查询。",
  en: 'Send a mail with the subject "subscribe" and one keyword query per line in the body.',
};

function replyText(outcome: InboundOutcome, publicUrl: string): ReplyText {
  const quoted = (queries: string[]) => queries.map((q) => `- ${q}`);
  switch (outcome.kind) {
    case "subscribe-requested":
      return {
        zh: "确认邮件已发往此地址（每小时最多一封：一小时内已申请过的，请用先前那封里的链接）。点击其中的链接即可完成订阅，48 小时内有效。如果此地址已经订阅，它会收到管理链接。关键词：",
        en: "A confirmation mail is on its way to this address (one an hour at most: if you asked within the hour, use the link in the earlier one). Follow its link to finish subscribing; it is valid for 48 hours. If this address is subscribed already, it gets its manage link instead. Keywords:",
        items: quoted(outcome.queries),
      };
    case "unsubscribed":
      return {
        zh: `此地址已退订，不会再收到 arXiv 摘要。想重新订阅，${HOW_TO_SUBSCRIBE.zh}`,
        en: `This address is unsubscribed and gets no more arXiv digests. To come back: ${HOW_TO_SUBSCRIBE.en}`,
        items: [],
      };
    case "keywords-replaced":
      return {
        zh: "您的关键词已替换，从下一期摘要起生效：",
        en: "Your keywords are replaced, from the next digest on:",
        items: quoted(outcome.queries),
      };
    case "not-subscribed":
      return {
        zh: `此地址没有订阅，关键词没有保存。${HOW_TO_SUBSCRIBE.zh}`,
        en: `This address is not subscribed, so no keywords were saved. ${HOW_TO_SUBSCRIBE.en}`,
        items: [],
      };
    case "refused":
      return {
        zh: `您的邮件没有生效，什么都没有改变。每行写一个查询，最多 20 行，每行最多 100 个字符（语法说明见 ${publicUrl}/）。请改正后重新发送：`,
        en: `Your mail was not applied; nothing was changed. Write one query per line, at most 20 lines of 100 characters (syntax: ${publicUrl}/). Please correct it and send it again:`,
        items: outcome.problems.flatMap(describeProblem),
      };
  }
}

function describeProblem(problem: LineProblem): string[] {
  if (problem.line === 0) return [`- ${problem.message}`];
  return [
    `- 第 ${problem.line} 行 · line ${problem.line}: ${problem.text}`,
    `  ${problem.message}`,
  ];
}

/**
 * The reply to a command mail, to its From address only. Marked Auto-Submitted: auto-replied
 * (RFC 3834) so other responders do not answer it. Its Message-ID is derived from the mail it
 * answers, so the rare second answer after a crash (README.md here) is a duplicate receivers fold.
 */
export function replyMessage(
  mail: CommandMail,
  result: Extract<MailResult, { kind: "answer" }>,
  service: { from: string; publicUrl: string },
): OutgoingMessage {
  const text = replyText(result.outcome, service.publicUrl);
  const zh = result.script === "zh-TW" ? toTraditional(text.zh) : text.zh;
  const items = text.items.length > 0 ? ["", ...text.items] : [];
  const lines = [zh, "", text.en, ...items, "", "-- ", `arXiv Digest · ${service.publicUrl}/`];
  const original = mail.messageId ?? `${mail.sender ?? ""}\n${mail.subject}\n${mail.text}`;
  const id = crypto.createHash("sha256").update(original).digest("hex").slice(0, 32);
  const threading: Record<string, string> = mail.messageId
    ? {
        "In-Reply-To": stripLineBreaks(mail.messageId),
        References: stripLineBreaks(mail.messageId),
      }
    : {};
  return {
    from: service.from,
    to: result.sender,
    subject: stripLineBreaks(`Re: ${mail.subject.trim() || "arXiv Digest"}`).slice(0, 200),
    text: lines.join("\n"),
    html: `<div style="font-family:sans-serif;white-space:pre-wrap">${he.escape(lines.join("\n"))}</div>`,
    messageId: `<reply.${id}@${senderDomain(service.from)}>`,
    headers: { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All", ...threading },
  };
}
