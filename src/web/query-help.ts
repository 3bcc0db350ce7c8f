import { MAX_QUERIES_PER_SUBSCRIBER, MAX_QUERY_LENGTH } from "../match/query";
import { QuerySyntaxError, type InputError } from "../errors";
import { escapeHtml } from "../digest/escape-html";
import { bi, refusalHtml } from "./page-layout";

const EXAMPLES: [string, string, string][] = [
  ["diffusion policy", "两个词都出现（不必相邻）", "both words, anywhere"],
  ['"diffusion policy"', "完整短语", "the exact phrase"],
  ['RL OR "reinforcement learning"', "任一即可", "either one"],
  ["grasping -simulation", "排除某个词", "without a word"],
  ["ti:transformer au:Levine", "标题 / 作者", "in the title / by an author"],
  ["cat:cs.RO", "arXiv 分类", "an arXiv category"],
  [
    "扩散策略 -综述",
    "中文关键词：经术语表匹配英文原文，也匹配中文译文",
    "Chinese keywords: through the glossary in the English text, and in the Chinese translation",
  ],
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

/** Where the parser found the problem: the query with the spot marked, or "" when it named none. */
function markedSpot(error: InputError): string {
  if (!(error instanceof QuerySyntaxError && error.query)) return "";
  const at = Math.min(Math.max(error.position, 0), error.query.length);
  const length = Math.max(error.token.length, 1);
  return ` <code>${escapeHtml(error.query.slice(0, at))}<mark>${escapeHtml(error.query.slice(at, at + length) || " ")}</mark>${escapeHtml(error.query.slice(at + length))}</code>`;
}

/**
 * A problem with a keyword query (or the list), said once in each language as the check wrote
 * it, after the line it is on when there is one, pointing at the spot when the parser named one.
 */
export function queryErrorHtml(error: InputError, line?: number): string {
  const where =
    line === undefined ? "" : `<strong>${bi(`第 ${line} 行`, `Line ${line}`, " · ")}</strong>`;
  const heading = `${where}${markedSpot(error)}`;
  const said = refusalHtml(error);
  return heading ? `${heading}<br>${said}` : said;
}
