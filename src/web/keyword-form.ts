import { InputError } from "../errors";
import { MAX_QUERIES_PER_SUBSCRIBER, parseQuery } from "../match/query";
import { listField, textField } from "./form-fields";
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
  const errors = values.map((value) => {
    try {
      parseQuery(value);
      return undefined;
    } catch (error) {
      if (error instanceof InputError) return queryErrorHtml(error);
      throw error;
    }
  });
  return { values, errors };
}

/** True when every row parses (the list as a whole is checked again when stored). */
export const rowsAreValid = (rows: KeywordRows) =>
  rows.errors.every((error) => error === undefined) && rows.listError === undefined;
