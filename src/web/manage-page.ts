import { ON_THE_LIST, type ChineseVariant, type Subscriber } from "../subscribers/subscriber";
import { MAX_QUERIES_PER_SUBSCRIBER, MAX_QUERY_LENGTH } from "../match/query";
import { CHINESE_VARIANT_NAMES } from "../subscribers/subscriber-settings";
import type { DigestPreview } from "./digest-preview";
import type { KeywordRows } from "./keyword-form";
import { escapeHtml } from "../digest/escape-html";
import { bi } from "./page-layout";
import { queryHelpHtml } from "./query-help";

/** What a finished action reports on the page it leads back to (the `done` query value). */
export const DONE_NOTICES: Record<string, [string, string]> = {
  keywords: ["关键词已保存。", "Your keywords are saved."],
  settings: ["设置已保存。", "Your settings are saved."],
  pause: ["已暂停，恢复之前不会发送邮件。", "Paused: no digests until you resume."],
  resume: ["已恢复，下一期起照常发送。", "Resumed: digests come again from the next edition."],
  unsubscribe: ["已退订，不会再发送邮件。", "You are unsubscribed; no more digests will be sent."],
};

const STATUS_NAMES: Record<Subscriber["status"], [string, string]> = {
  pending: ["待确认（请查收确认邮件）", "waiting for confirmation (see the mail we sent)"],
  active: ["订阅中", "subscribed"],
  paused: ["已暂停", "paused"],
  unsubscribed: ["已退订", "unsubscribed"],
  bounced: ["地址无法投递，已停止发送", "stopped: mail to this address bounced"],
};

export interface ManagePageState {
  subscriber: Subscriber;
  preview?: DigestPreview;
  /** Rows as submitted when they could not be saved. */
  rows?: KeywordRows;
  settingsError?: string;
  /** Settings as submitted when they could not be saved, shown instead of the stored ones. */
  typed?: { language: string; timeZone: string };
  notice?: [string, string];
  /** A keyword's Chinese terms the glossary does not know (they match Chinese text only). */
  unknownChinese?: (keyword: string) => readonly string[];
}

const button = (op: string, zh: string, en: string, label: string) =>
  `<button type="submit" class="small" name="op" value="${op}" aria-label="${escapeHtml(label)}">${escapeHtml(zh)} <span lang="en">${escapeHtml(en)}</span></button>`;

function keywordRowsHtml(state: ManagePageState): string {
  const values = state.rows?.values ?? state.subscriber.keywords;
  const errors = state.rows?.errors ?? [];
  const blanks = Math.max(0, Math.min(3, MAX_QUERIES_PER_SUBSCRIBER - values.length));
  const rows = [...values, ...Array<string>(blanks).fill("")];
  return rows
    .map((value, i) => {
      const n = i + 1;
      const error = errors[i];
      const controls = value
        ? `${i > 0 ? button(`up:${i}`, "上移", "Up", `Move keyword ${n} up`) : ""}${i < values.length - 1 ? button(`down:${i}`, "下移", "Down", `Move keyword ${n} down`) : ""}${button(`remove:${i}`, "删除", "Remove", `Remove keyword ${n}`)}`
        : "";
      const unknown = value && !error ? (state.unknownChinese?.(value) ?? []) : [];
      const note =
        unknown.length > 0
          ? `<p class="hint" id="keyword-${i}-note"><span lang="zh-CN">未知术语：仅匹配中文译文</span>（${escapeHtml(unknown.join("、"))}） · Not in the glossary: matches the Chinese translations only</p>`
          : "";
      const described = `keywords-help${error ? ` keyword-${i}-error` : ""}${note ? ` keyword-${i}-note` : ""}`;
      return `<div class="keyword-row"><label for="keyword-${i}" style="margin:0;min-width:2rem">${n}.</label><input type="text" id="keyword-${i}" name="keyword" value="${escapeHtml(value)}" maxlength="${MAX_QUERY_LENGTH * 2}" aria-describedby="${described}"${error ? ' aria-invalid="true"' : ""}>${controls}</div>${error ? `<p id="keyword-${i}-error" class="error" role="alert">${error}</p>` : ""}${note}`;
    })
    .join("\n");
}

function previewHtml(preview: DigestPreview | undefined): string {
  if (!preview)
    return `<p class="muted">${bi("还没有可供预览的一期。", "No edition to preview yet.")}</p>`;
  const sections = preview.sections
    .map(
      (s) =>
        `<h3>${escapeHtml(s.query)} (${s.titles.length})</h3><ul>${s.titles
          .slice(0, 10)
          .map((t) => `<li>${escapeHtml(t)}</li>`)
          .join(
            "",
          )}${s.titles.length > 10 ? `<li class="muted">… +${s.titles.length - 10}</li>` : ""}</ul>`,
    )
    .join("");
  return `<p>${bi(
    `按现在的关键词，${escapeHtml(preview.editionDate)} 这一期会发送 <strong>${preview.paperCount}</strong> 篇论文。`,
    `With these keywords, the ${escapeHtml(preview.editionDate)} edition would have sent <strong>${preview.paperCount}</strong> papers.`,
  )}</p>${sections}`;
}

function settingsHtml(state: ManagePageState): string {
  const { language, timeZone } = state.typed ?? state.subscriber;
  const options = (Object.keys(CHINESE_VARIANT_NAMES) as ChineseVariant[])
    .map(
      (v) =>
        `<option value="${v}"${v === language ? " selected" : ""}>${escapeHtml(CHINESE_VARIANT_NAMES[v])}</option>`,
    )
    .join("");
  const zones = Intl.supportedValuesOf("timeZone")
    .map((zone) => `<option value="${escapeHtml(zone)}"></option>`)
    .join("");
  const error = state.settingsError
    ? `<p id="settings-error" class="error" role="alert">${state.settingsError}</p>`
    : "";
  return `<form method="post">
<label for="language">${bi("中文译文", "Chinese translation", " · ")}</label>
<select id="language" name="language">${options}</select>
<label for="timeZone">${bi("时区（邮件中的时间）", "Time zone (for the times in the digest)", " · ")}</label>
<input type="text" id="timeZone" name="timeZone" list="time-zones" value="${escapeHtml(timeZone)}" maxlength="64"${state.settingsError ? ' aria-invalid="true" aria-describedby="settings-error"' : ""}>
<datalist id="time-zones">${zones}</datalist>
${error}
<button type="submit" name="action" value="settings">${bi("保存设置", "Save settings", " ")}</button>
</form>`;
}

function statusHtml(subscriber: Subscriber): string {
  const [zh, en] = STATUS_NAMES[subscriber.status];
  const form = (action: string, zh2: string, en2: string) =>
    `<form method="post" style="display:inline"><button type="submit" name="action" value="${action}">${bi(escapeHtml(zh2), escapeHtml(en2), " ")}</button></form>`;
  const pauseOrResume =
    subscriber.status === "active"
      ? form("pause", "暂停", "Pause")
      : subscriber.status === "paused"
        ? form("resume", "恢复发送", "Resume")
        : "";
  const leave = ON_THE_LIST.includes(subscriber.status)
    ? form("unsubscribe", "退订", "Unsubscribe")
    : "";
  return `<p>${bi("状态：", "Status:", " ")} <strong>${escapeHtml(zh)}</strong> <span lang="en">(${escapeHtml(en)})</span></p>
<div>${pauseOrResume} ${leave}</div>`;
}

/** The manage page: keywords (edit, add, remove, reorder), preview, settings, status. */
export function managePage(state: ManagePageState): string {
  const { subscriber } = state;
  const notice = state.notice
    ? `<p class="notice" role="status">${bi(escapeHtml(state.notice[0]), escapeHtml(state.notice[1]), " ")}</p>`
    : "";
  const listError = state.rows?.listError
    ? `<p class="error" role="alert">${state.rows.listError}</p>`
    : "";
  return `<h1>${bi("管理订阅", "Manage your subscription")}</h1>
<p>${escapeHtml(subscriber.email)}</p>
${notice}
<h2 id="keywords-title">${bi("关键词", "Keywords", " · ")}</h2>
<form method="post" aria-labelledby="keywords-title">
<input type="hidden" name="action" value="keywords">
<!-- First submit button: Enter in a field saves, rather than pressing a row's remove button. -->
<button type="submit" name="op" value="save" tabindex="-1" aria-hidden="true" style="position:absolute;left:-9999px">save</button>
${listError}
${keywordRowsHtml(state)}
<button type="submit" class="primary" name="op" value="save">${bi("保存关键词", "Save keywords", " ")}</button>
</form>
<details><summary>${bi("查询语法", "Query syntax", " · ")}</summary>${queryHelpHtml("keywords-help")}</details>
<h2>${bi("预览", "Preview", " · ")}</h2>
${previewHtml(state.preview)}
<h2>${bi("设置", "Settings", " · ")}</h2>
${settingsHtml(state)}
<h2>${bi("订阅状态", "Subscription", " · ")}</h2>
${statusHtml(subscriber)}`;
}
