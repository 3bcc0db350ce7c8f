import { MAX_QUERIES_PER_SUBSCRIBER, MAX_QUERY_LENGTH } from "../match/query";
import { QuerySyntaxError } from "../errors";
import { escapeHtml } from "../digest/escape-html";
import { bi } from "./page-layout";

const EXAMPLES: [string, string, string][] = [
  ["diffusion policy", "两个词都出现（不必相邻）", "both words, anywhere"],
  ['"diffusion policy"', "完整短语", "the exact phrase"],
  ['RL OR "reinforcement learning"', "任一即可", "either one"],
  ["grasping -simulation", "排除某个词", "without a word"],
  ["ti:transformer au:Levine", "标题 / 作者", "in the title / by an author"],
  ["cat:cs.RO", "arXiv 分类", "an arXiv category"],
];

/** The query syntax in brief, for the forms where keywords are written (docs/query-syntax.md). */
export function queryHelpHtml(id: string): string {
  const rows = EXAMPLES.map(
    ([query, zh, en]) =>
      `<tr><td><code>${escapeHtml(query)}</code></td><td>${escapeHtml(zh)}<br><span lang="en">${escapeHtml(en)}</span></td></tr>`,
  ).join("");
  return `<div id="${id}" class="hint">
<p>${bi(
    `每行一个关键词查询，最多 ${MAX_QUERIES_PER_SUBSCRIBER} 个，每个不超过 ${MAX_QUERY_LENGTH} 个字符；不区分大小写，复数自动匹配单数。`,
    `One query per line, at most ${MAX_QUERIES_PER_SUBSCRIBER}, each up to ${MAX_QUERY_LENGTH} characters; case does not matter and plurals match their singular.`,
  )}</p>
<table><thead><tr><th scope="col">${bi("写法", "You write", " ")}</th><th scope="col">${bi("匹配", "Matches papers with", " ")}</th></tr></thead><tbody>${rows}</tbody></table>
</div>`;
}

/**
 * A problem with a query, said in both languages, pointing at the spot when the parser named
 * one (QuerySyntaxError carries the position).
 */
export function queryErrorHtml(error: Error): string {
  let where = "";
  if (error instanceof QuerySyntaxError && error.query) {
    const at = Math.min(Math.max(error.position, 0), error.query.length);
    const length = Math.max(error.token.length, 1);
    where = ` <code>${escapeHtml(error.query.slice(0, at))}<mark>${escapeHtml(error.query.slice(at, at + length) || " ")}</mark>${escapeHtml(error.query.slice(at + length))}</code>`;
  }
  return `${bi("关键词有误：", "This keyword query is not valid:", " ")} <span lang="en">${escapeHtml(error.message)}</span>${where}`;
}
