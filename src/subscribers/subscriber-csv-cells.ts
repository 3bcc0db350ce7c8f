/**
 * The cells of the subscriber CSV (`subscriber export` writes them, `subscriber import` reads
 * them back), so that a file round-trips exactly and is safe to open in a spreadsheet.
 *
 * - Keywords share one cell, separated by ` | ` (`;` is read too). A query may itself contain
 *   `|`, `;` or `\`, so inside a query they are written `\|`, `\;`, `\\`.
 * - A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula
 *   (`-survey robots` is a real query; `=cmd@example.org` a valid address). Such a cell is
 *   written with a `'` in front, the mark spreadsheets show as "text". So that reading drops
 *   exactly what writing added, a cell of quote marks before such a character gets one more.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A value as written into a cell. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell as read back: the mark safeCell added, removed. */
export function cellValue(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

const KEYWORD_JOIN = " | ";

/** A subscriber's queries in one cell. */
export function joinKeywords(keywords: readonly string[]): string {
  return keywords.map((k) => k.replace(/[\\|;]/g, (c) => `\\${c}`)).join(KEYWORD_JOIN);
}

/** The queries of a keywords cell: split on unescaped `|` or `;`, trimmed, blanks dropped. */
export function splitKeywords(cell: string): string[] {
  const keywords: string[] = [];
  let current = "";
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i] as string;
    if (c === "\\" && i + 1 < cell.length) current += cell[(i += 1)];
    else if (c === "|" || c === ";") {
      keywords.push(current);
      current = "";
    } else current += c;
  }
  keywords.push(current);
  return keywords.map((k) => k.trim()).filter((k) => k !== "");
}
