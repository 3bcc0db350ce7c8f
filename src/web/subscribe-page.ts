import type { ChineseVariant } from "../subscribers/subscriber";
import { MAX_QUERIES_PER_SUBSCRIBER, MAX_QUERY_LENGTH } from "../match/query";
import { CHINESE_VARIANT_NAMES } from "../subscribers/subscriber-settings";
import { escapeHtml } from "../digest/escape-html";
import { bi } from "./page-layout";
import { queryHelpHtml } from "./query-help";

/** What the form shows again after a refused submission: the values and the problems. */
export interface SubscribeFormState {
  email?: string;
  keywords?: string;
  language?: ChineseVariant;
  /** HTML, already escaped. */
  emailError?: string;
  /** One per bad line (or one for the list as a whole). */
  keywordsErrors?: string[];
  /** A problem with the request as a whole (e.g. an unknown language). */
  formError?: string;
}

const MAX_EMAIL_LENGTH = 254;

function errorFor(id: string, html: string | undefined): string {
  return html ? `<p id="${id}" class="error" role="alert">${html}</p>` : "";
}

function keywordsErrorHtml(problems: readonly string[] | undefined): string {
  if (!problems) return "";
  const items = problems.map((problem) => `<li>${problem}</li>`).join("");
  return `<div id="keywords-error" class="error" role="alert"><ul>${items}</ul></div>`;
}

/** The subscribe page (GET /), also shown again with inline errors after a bad POST. */
export function subscribePage(state: SubscribeFormState = {}): string {
  const language = state.language ?? "zh-CN";
  const emailDescribedBy = state.emailError ? ' aria-describedby="email-error"' : "";
  const keywordsDescribedBy = `keywords-help${state.keywordsErrors ? " keywords-error" : ""}`;
  const languageChoices = (Object.keys(CHINESE_VARIANT_NAMES) as ChineseVariant[])
    .map(
      (variant) =>
        `<label style="display:inline;font-weight:normal;margin-right:1rem"><input type="radio" name="language" value="${variant}"${variant === language ? " checked" : ""}> ${escapeHtml(CHINESE_VARIANT_NAMES[variant])}</label>`,
    )
    .join("");
  return `<h1>${bi("订阅 arXiv 每日论文", "Subscribe to the arXiv digest")}</h1>
<p>${bi(
    "每个 arXiv 发布日，把符合你关键词的新论文（英文原文 + 中文翻译）发到你的邮箱。不需要账号和密码，每封邮件里都有管理和退订链接。",
    "Every arXiv announcement day, the new papers that match your keywords, in English and Chinese, in your inbox. No account, no password; every mail has links to manage or leave.",
  )}</p>
${errorFor("form-error", state.formError)}
<form method="post" action="/subscribe" novalidate>
<label for="email">${bi("邮箱地址", "Email address", " · ")}</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="${MAX_EMAIL_LENGTH}" value="${escapeHtml(state.email ?? "")}"${state.emailError ? ' aria-invalid="true"' : ""}${emailDescribedBy}>
${errorFor("email-error", state.emailError)}
<label for="keywords">${bi("关键词（每行一个）", "Keywords (one per line)", " · ")}</label>
<textarea id="keywords" name="keywords" rows="6" required maxlength="${MAX_QUERIES_PER_SUBSCRIBER * (MAX_QUERY_LENGTH + 2)}" aria-describedby="${keywordsDescribedBy}"${state.keywordsErrors ? ' aria-invalid="true"' : ""} placeholder='"diffusion policy"&#10;RL OR "reinforcement learning"'>${escapeHtml(state.keywords ?? "")}</textarea>
${keywordsErrorHtml(state.keywordsErrors)}
${queryHelpHtml("keywords-help")}
<fieldset><legend>${bi("中文译文", "Chinese translation", " · ")}</legend>${languageChoices}</fieldset>
<button type="submit" class="primary">${bi("订阅", "Subscribe", " ")}</button>
</form>
<p class="muted">${bi("我们会发一封确认邮件；按下其中链接页面上的按钮后才开始发送。", "We mail you a link first; digests start once you press the button on its page.")}</p>
<p><a href="/manage">${bi("已经订阅？给我发送管理链接", "Already subscribed? Mail me my manage link", " · ")}</a></p>`;
}

/** The answer to every accepted request, whatever the address's state: no one learns who subscribes. */
export function checkInboxPage(email: string): string {
  return `<h1>${bi("请查收邮件", "Check your inbox")}</h1>
<p role="status">${bi(
    `如果 <strong>${escapeHtml(email)}</strong> 可以订阅，我们已经给它发了一封邮件：新订阅会收到确认链接（48 小时内有效），已订阅的地址会收到管理链接。一小时内最多发送一封。`,
    `If <strong>${escapeHtml(email)}</strong> can subscribe, a mail is on its way to it: a confirmation link for a new subscription (valid for 48 hours), or the manage link for an address already subscribed. At most one such mail is sent per hour.`,
  )}</p>
<p class="muted">${bi("没有收到？请检查垃圾邮件文件夹。", "Nothing arrived? Look in your spam folder.")}</p>
<p><a href="/">${bi("返回", "Back", " · ")}</a></p>`;
}
