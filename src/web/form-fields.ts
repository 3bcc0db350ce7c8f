import { InputError } from "../errors";

/**
 * Reading form bodies from outside. A body may come from our forms, a plain HTML form elsewhere,
 * curl or a hostile client, urlencoded or JSON: every field is read as a bounded string.
 */
type FormBody = Record<string, unknown> | undefined;

/** Longest single field we read; the server's body limit bounds the whole request. */
const MAX_FIELD_LENGTH = 4_000;

function asBody(body: unknown): FormBody {
  return body && typeof body === "object" ? (body as Record<string, unknown>) : undefined;
}

/** One text field ("" when absent or not text); a repeated field gives its first value. */
export function textField(body: unknown, name: string): string {
  const value = asBody(body)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.slice(0, MAX_FIELD_LENGTH) : "";
}

/** A repeated field (`keyword=a&keyword=b`) as a list of strings, at most `limit` of them. */
export function listField(body: unknown, name: string, limit: number): string[] {
  const value = asBody(body)?.[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .slice(0, limit)
    .map((v) => (typeof v === "string" ? v.slice(0, MAX_FIELD_LENGTH) : ""));
}

/** A textarea line with its number as the reader sees it (1-based, blank lines counted). */
export interface NumberedLine {
  line: number;
  text: string;
}

/** Textarea lines: blank lines dropped (their numbers kept), at most `limit` kept. */
export function numberedLines(text: string, limit: number): NumberedLine[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: i + 1, text: line.trim() }))
    .filter(({ text: line }) => line !== "")
    .slice(0, limit);
}

/** The InputError `check` throws (input refused), or undefined when it passes. */
export function refusalOf(check: () => unknown): InputError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}
