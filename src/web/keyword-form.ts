import { MAX_QUERIES_PER_SUBSCRIBER, parseQuery } from "../match/query";
import { checkKeywords } from "../subscribers/subscriber-settings";
import { listField, refusalOf, textField, type NumberedLine } from "./form-fields";
import { queryErrorHtml } from "./query-help";

/** The keyword editor's rows after a submission, with a problem (HTML) per row where there is one. */
export interface KeywordRows {
  values: string[];
  errors: (string | undefined)[];
  /** A problem with the list as a whole (too many, none). */
  listError?: string;
}

/** Rows read from a form; more than this are not looked at. */
const MAX_ROWS_READ = MAX_QUERIES_PER_SUBSCRIBER * 2;

/**
 * Applies the button pressed (`op`: save, up:i, down:i, remove:i) to the rows as submitted, so
 * edits in other rows are kept, then checks every row. Blank rows are dropped.
 */
export function readKeywordRows(body: unknown): KeywordRows {
  const rows = listField(body, "keyword", MAX_ROWS_READ).map((row) => row.trim());
  const op = /^(up|down|remove):(\d{1,2})$/.exec(textField(body, "op"));
  if (op) {
    const at = Number(op[2]);
    const to = op[1] === "up" ? at - 1 : at + 1;
    if (op[1] === "remove") rows.splice(at, 1);
    else if (at < rows.length && to >= 0 && to < rows.length) {
      [rows[at], rows[to]] = [rows[to] as string, rows[at] as string];
    }
  }
  const values = rows.filter((row) => row !== "");
  const errors = values.map((value, i) => {
    const problem = refusalOf(() => parseQuery(value));
    return problem && queryErrorHtml(problem, i + 1);
  });
  return { values, errors };
}

/**
 * The problems of a keyword textarea's lines (numbered as the reader sees them, blank ones
 * counted), every bad line listed at once; then the list's own (too many, none). Undefined when
 * all is well. Past the limit on queries only the count is said: the lines are not read.
 */
export function keywordLinesProblems(lines: readonly NumberedLine[]): string[] | undefined {
  const problems =
    lines.length > MAX_QUERIES_PER_SUBSCRIBER
      ? []
      : lines.flatMap(({ line, text }) => {
          const problem = refusalOf(() => parseQuery(text));
          return problem ? [queryErrorHtml(problem, line)] : [];
        });
  if (problems.length === 0) {
    const problem = refusalOf(() => checkKeywords(lines.map((line) => line.text)));
    if (problem) problems.push(queryErrorHtml(problem));
  }
  return problems.length > 0 ? problems : undefined;
}

/** True when every row parses (the list as a whole is checked again when stored). */
export const rowsAreValid = (rows: KeywordRows) =>
  rows.errors.every((error) => error === undefined) && rows.listError === undefined;
