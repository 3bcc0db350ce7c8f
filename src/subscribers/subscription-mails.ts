import crypto from "node:crypto";
import he from "he";
import type { ChineseVariant } from "./subscriber";
import { senderDomain, stripLineBreaks } from "../transport/message-headers";
import type { OutgoingMessage } from "../transport/mail-transport";
import { toTraditional } from "../translate/chinese-script";
import { parseQuery } from "../match/query";
import { withoutControlCharacters } from "../transport/control-characters";

/** One paragraph in both languages; the Chinese is written in Simplified and converted for zh-TW. */
interface Bilingual {
  zh: string;
  en: string;
}

interface LinkMailContent {
  subject: Bilingual;
  lead: Bilingual;
  button: Bilingual;
  note: Bilingual;
}

const CONFIRMATION: LinkMailContent = {
  subject: { zh: "请确认订阅 arXiv 每日论文", en: "Confirm your arXiv digest subscription" },
  lead: {
    zh: "有人在我们的网站上请求用这个地址订阅 arXiv 每日论文，我们不知道是不是你。下面是我们读出的关键词查询。是你的话，打开链接并按下按钮即可确认。",
    en: "Someone asked on our site for this address to get the arXiv digest; we cannot tell whether it was you. Below are the keyword queries as we read them. If it was you, open the link and press the button to confirm.",
  },
  button: { zh: "确认订阅", en: "Confirm" },
  note: {
    zh: "链接 48 小时内有效。如果不是你，请忽略这封邮件：不确认就不会收到任何邮件，7 天后请求自动删除。",
    en: "The link works for 48 hours. If this was not you, ignore this mail: nothing is sent without confirmation, and the request is deleted after 7 days.",
  },
};

const MANAGE_LINK: LinkMailContent = {
  subject: { zh: "你的 arXiv 每日论文管理链接", en: "Your arXiv digest manage link" },
  lead: {
    zh: "这个地址已经订阅了 arXiv 每日论文。用下面的链接修改关键词、语言、时区，暂停或退订。",
    en: "This address is subscribed to the arXiv digest. Use the link below to change your keywords, language or time zone, to pause, or to unsubscribe.",
  },
  button: { zh: "管理订阅", en: "Manage subscription" },
  note: {
    zh: "这个链接取代之前邮件中的管理链接。如果不是你请求的，可以忽略这封邮件。",
    en: "This link replaces the manage link of any earlier such mail. If you did not ask for it, ignore this mail.",
  },
};

export interface LinkMailInput {
  from: string;
  to: string;
  language: ChineseVariant;
  url: string;
  keywords: readonly string[];
}

/**
 * The mail that asks an address to confirm a request to subscribe (double opt-in). Anyone can
 * send it to any address, so what they typed is not repeated: each query is shown as parsed
 * (its canonical form, words folded and sorted), with no control characters, so a sentence
 * typed as keywords does not read as a message from us.
 */
export function confirmationMail(input: LinkMailInput): OutgoingMessage {
  const parsed = input.keywords.map((k) => parseQuery(withoutControlCharacters(k)).key);
  return linkMail(CONFIRMATION, { ...input, keywords: parsed });
}

/** The mail that gives a subscribed address a fresh link to its manage page. */
export function manageLinkMail(input: LinkMailInput): OutgoingMessage {
  return linkMail(MANAGE_LINK, input);
}

function linkMail(content: LinkMailContent, input: LinkMailInput): OutgoingMessage {
  const zh = (text: string) => (input.language === "zh-TW" ? toTraditional(text) : text);
  const both = (b: Bilingual) => `${zh(b.zh)} / ${b.en}`;
  const keywordLines = input.keywords.map((k) => `  • ${k}`);
  const text = [
    zh(content.lead.zh),
    content.lead.en,
    "",
    ...(keywordLines.length > 0 ? ["关键词 Keywords:", ...keywordLines, ""] : []),
    `${both(content.button)}: ${input.url}`,
    "",
    zh(content.note.zh),
    content.note.en,
    "",
  ].join("\n");
  const para = (b: Bilingual) =>
    `<p lang="${input.language}">${he.escape(zh(b.zh))}<br><span lang="en">${he.escape(b.en)}</span></p>`;
  const keywordList =
    input.keywords.length > 0
      ? `<ul>${input.keywords.map((k) => `<li><code>${he.escape(k)}</code></li>`).join("")}</ul>`
      : "";
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.6;max-width:36rem">
${para(content.lead)}${keywordList}
<p><a href="${he.escape(input.url)}" style="display:inline-block;padding:.6rem 1.2rem;background:#1a56db;color:#fff;text-decoration:none;border-radius:.4rem">${he.escape(both(content.button))}</a></p>
<p style="word-break:break-all;font-size:.9em">${he.escape(input.url)}</p>
${para(content.note)}
</body></html>`;
  return {
    from: input.from,
    to: stripLineBreaks(input.to),
    subject: stripLineBreaks(both(content.subject)),
    text,
    html,
    messageId: `<link.${crypto.randomBytes(12).toString("hex")}@${senderDomain(input.from)}>`,
    headers: { "Auto-Submitted": "auto-generated" },
  };
}
