import { QuerySyntaxError, type Wording } from "../errors";

/** A field prefix as written before the colon. */
export type FieldName = "ti" | "abs" | "au" | "cat";

/** One token of a query, with its 0-based position in the (whitespace-collapsed) query. */
export type QueryToken =
  | { type: "word" | "phrase"; text: string; pos: number }
  | { type: "field"; field: FieldName; text: string; pos: number }
  | { type: "not" | "and" | "or" | "open" | "close"; text: string; pos: number };

const FIELDS: ReadonlySet<string> = new Set<FieldName>(["ti", "abs", "au", "cat"]);
const OPERATORS = new Map<string, "and" | "or" | "not">([
  ["AND", "and"],
  ["OR", "or"],
  ["NOT", "not"],
]);
// A word runs to the next space, parenthesis or quote: "cs.RO", "model-based", "C++" are words.
const WORD = /[^\s()"]+/y;
const FIELD_PREFIX = /^([A-Za-z]+):/;

/**
 * The error for `query` at `pos`: the message quotes the query and names the spot, in English
 * and in Chinese (the pages show both; problem and hint are written in both here, once).
 */
export function syntaxError(
  query: string,
  pos: number,
  token: string,
  [problemZh, problem]: Wording,
  hint?: Wording,
): QuerySyntaxError {
  return new QuerySyntaxError(
    `the keyword query "${query}" ${problem} at character ${pos + 1}${hint ? `; ${hint[1]}` : ""}`,
    query,
    pos,
    token,
    `关键词查询 "${query}" 第 ${pos + 1} 个字符处${problemZh}${hint ? `；${hint[0]}` : ""}`,
  );
}

/**
 * Splits a query into tokens. Operators are upper case only (`OR`, `AND`, `NOT`), so "or" and
 * "and" written in lower case are ordinary words. `-` and a field prefix belong to the word,
 * quote or parenthesis right after them; a space there is refused rather than guessed at.
 */
export function tokenizeQuery(written: string): QueryToken[] {
  // Phones and word processors turn " into typographic quotes; a pasted “phrase” is meant as one.
  // One character for one, so positions still point into what the subscriber wrote.
  const query = written.replace(/[\u201C\u201D\u201E\u201F\u2033\uFF02]/g, '"');
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "(" || c === ")") {
      tokens.push({ type: c === "(" ? "open" : "close", text: c, pos: i });
      i += 1;
    } else if (c === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0)
        throw syntaxError(query, i, c, [
          '有一个没有闭合的引号 "',
          `has a quote " that is never closed`,
        ]);
      tokens.push({ type: "phrase", text: query.slice(i + 1, end), pos: i });
      i = end + 1;
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(query)?.[0] ?? c;
      readWord(query, word, i, tokens);
      i += word.length;
    }
  }
  return tokens;
}

function readWord(query: string, word: string, pos: number, tokens: QueryToken[]): void {
  const operator = OPERATORS.get(word);
  if (operator) {
    tokens.push({ type: operator, text: word, pos });
    return;
  }
  let rest = word;
  let at = pos;
  if (rest.startsWith("-")) {
    tokens.push({ type: "not", text: "-", pos: at });
    rest = rest.slice(1);
    at += 1;
    if (rest.startsWith("-"))
      throw syntaxError(query, at, "-", ['连着写了两个 "-"', `has a doubled "-"`]);
    if (rest === "") {
      requireAttached(query, at, "-", [
        '"-" 后面没有紧接着要排除的内容',
        `has a "-" not followed directly by what to exclude`,
      ]);
      return;
    }
  }
  const prefix = FIELD_PREFIX.exec(rest);
  if (prefix) {
    const name = (prefix[1] ?? "").toLowerCase();
    if (!FIELDS.has(name)) {
      throw syntaxError(
        query,
        at,
        prefix[0],
        [`用了未知的字段 "${prefix[0]}"`, `uses an unknown field "${prefix[0]}"`],
        [
          "字段只有 ti:、abs:、au: 和 cat:；含冒号的其他文字请放在引号里",
          "the fields are ti:, abs:, au: and cat:; put other text with a colon in quotes",
        ],
      );
    }
    tokens.push({ type: "field", field: name as FieldName, text: prefix[0], pos: at });
    rest = rest.slice(prefix[0].length);
    at += prefix[0].length;
    if (rest.startsWith("-")) {
      const exclude = `-${prefix[0]}${rest.slice(1)}`;
      const hint = [`要排除请写 ${exclude}`, `write ${exclude} to exclude`] as const;
      const problem = [`"${prefix[0]}" 后面是 "-"`, `has a "-" after "${prefix[0]}"`] as const;
      throw syntaxError(query, at, "-", problem, hint);
    }
    if (rest === "") {
      requireAttached(query, at, prefix[0], [
        `"${prefix[0]}" 后面没有紧接着词语`,
        `has "${prefix[0]}" not followed directly by a word`,
      ]);
      return;
    }
  }
  tokens.push({ type: "word", text: rest, pos: at });
}

/** A bare "-" or "ti:" must touch the quote or parenthesis it applies to. */
function requireAttached(query: string, at: number, token: string, problem: Wording): void {
  const next = query.charAt(at);
  if (next !== '"' && next !== "(") throw syntaxError(query, at - token.length, token, problem);
}
