import fs from "node:fs";
import { CsvError, parse } from "csv-parse";
import type { ChineseVariant, SubscriberStatus } from "./subscriber";
import { AppError, InputError } from "../errors";
import { parseQueryList } from "../match/query";
import { normalizeEmail } from "../transport/email-address";
import { checkLanguage } from "./subscriber-settings";

/** One valid row of an import file. Absent language or status: keep (or default) it. */
export interface SubscriberCsvRow {
  line: number;
  email: string;
  keywords: string[];
  language?: ChineseVariant;
  status?: ImportableStatus;
}

/** A row that is not imported, and why, for the operator's report. */
export interface RejectedRow {
  line: number;
  email?: string;
  reason: string;
}

/** Statuses an import may set; `bounced` is the sender's finding, not the operator's. */
const IMPORTABLE_STATUSES = ["pending", "active", "paused", "unsubscribed"] as const;
type ImportableStatus = (typeof IMPORTABLE_STATUSES)[number] & SubscriberStatus;

/** Keyword queries in one CSV cell: separated by `;` or `|`. */
const KEYWORD_SEPARATOR = /[;|]/;

/**
 * Reads an import file: a header with `email` and `keywords` (and optionally `language`,
 * `status`), one subscriber a row. Every row is checked as `subscriber add` would check it; bad
 * rows are collected with their line numbers rather than stopping the read, so the operator
 * sees every problem at once. A file that is not CSV at all is refused.
 */
export async function readSubscriberCsv(
  file: string,
  onProgress?: (bytesRead: number, fileBytes: number, rows: number) => void,
): Promise<{ rows: SubscriberCsvRow[]; rejected: RejectedRow[] }> {
  const stat = fs.existsSync(file) ? fs.statSync(file) : undefined;
  if (!stat?.isFile()) throw new InputError(`no such file: ${file}`);
  let columns: string[] = [];
  const parser = fs.createReadStream(file).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => (columns = header.map((h) => h.trim().toLowerCase())),
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }),
  );
  const rows: SubscriberCsvRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLineOf = new Map<string, number>();
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
      if (rows.length + rejected.length === 0) checkHeader(file, columns);
      const line = info.lines;
      const row = checkRow(record, line);
      if ("reason" in row) rejected.push(row);
      else if (firstLineOf.has(row.email)) {
        rejected.push({
          line,
          email: row.email,
          reason: `also on line ${firstLineOf.get(row.email)}`,
        });
      } else {
        firstLineOf.set(row.email, line);
        rows.push(row);
      }
      onProgress?.(info.bytes, stat.size, rows.length + rejected.length);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new InputError(`${file} is not readable as CSV: ${error.message}`);
    }
    throw error;
  }
  checkHeader(file, columns);
  return { rows, rejected };
}

interface CsvRecord {
  record: Record<string, string | undefined>;
  info: { lines: number; bytes: number };
}

function checkHeader(file: string, columns: readonly string[]): void {
  if (!columns.includes("email") || !columns.includes("keywords")) {
    throw new InputError(
      `${file} needs a header line with the columns email,keywords (optionally language,status)`,
    );
  }
}

function checkRow(
  record: Record<string, string | undefined>,
  line: number,
): SubscriberCsvRow | RejectedRow {
  const rawEmail = record.email ?? "";
  try {
    const email = normalizeEmail(rawEmail);
    const cells = (record.keywords ?? "").split(KEYWORD_SEPARATOR).map((k) => k.trim());
    const keywords = parseQueryList(cells.filter((k) => k !== "")).map((q) => q.text);
    const language = record.language ? checkLanguage(record.language) : undefined;
    const status = record.status?.toLowerCase() || undefined;
    if (status !== undefined && !(IMPORTABLE_STATUSES as readonly string[]).includes(status)) {
      throw new InputError(`status "${status}" is not one of ${IMPORTABLE_STATUSES.join(", ")}`);
    }
    return {
      line,
      email,
      keywords,
      language,
      status: status as ImportableStatus | undefined,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { line, email: rawEmail.slice(0, 254) || undefined, reason: error.message };
  }
}
