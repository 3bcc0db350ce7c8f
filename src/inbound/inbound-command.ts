import type { ChineseVariant } from "../subscribers/subscriber";
import { InputError } from "../errors";
import { MAX_QUERIES_PER_SUBSCRIBER, parseQuery, parseQueryList } from "../match/query";
import { commandLines } from "./command-lines";

/** What a command mail asks for, read from its subject (the verb) and body (the queries). */
export type InboundCommand =
  | { kind: "subscribe"; queries: string[]; script: ChineseVariant }
  | { kind: "unsubscribe"; script: ChineseVariant }
  | { kind: "keywords"; queries: string[]; script: ChineseVariant }
  /** A subscribe or keywords mail whose body cannot be used; nothing is changed. */
  | { kind: "invalid"; verb: QueryVerb; problems: LineProblem[]; script: ChineseVariant }
  /** Not a command (a reply to a digest, spam): left for a person, never answered. */
  | { kind: "none" };

type QueryVerb = "subscribe" | "keywords";
export type CommandVerb = QueryVerb | "unsubscribe";

/** Why one line (or, with line 0, the whole list) was refused. */
export interface LineProblem {
  line: number;
  text: string;
  message: string;
}

// The subject words each verb answers to, in English, Simplified and Traditional Chinese. The
// script of the word chosen is the script of the reply (and of the digests, for subscribe).
const VERBS: Record<string, { verb: CommandVerb; script: ChineseVariant }> = {
  subscribe: { verb: "subscribe", script: "zh-CN" },
  订阅: { verb: "subscribe", script: "zh-CN" },
  訂閱: { verb: "subscribe", script: "zh-TW" },
  unsubscribe: { verb: "unsubscribe", script: "zh-CN" },
  退订: { verb: "unsubscribe", script: "zh-CN" },
  取消订阅: { verb: "unsubscribe", script: "zh-CN" },
  退訂: { verb: "unsubscribe", script: "zh-TW" },
  取消訂閱: { verb: "unsubscribe", script: "zh-TW" },
  keywords: { verb: "keywords", script: "zh-CN" },
  关键词: { verb: "keywords", script: "zh-CN" },
  關鍵詞: { verb: "keywords", script: "zh-TW" },
  關鍵字: { verb: "keywords", script: "zh-TW" },
};

// "Re:", "Fwd:", "AW:", "回复：" … in front of the verb, as a reply or forward adds them.
const REPLY_PREFIX = /^((re|fwd?|aw|sv|wg|回复|回覆|答复|转发|轉寄)\s*[:：]\s*)+/i;

/** The verb a subject names, or undefined: the subject must be the verb alone (case ignored). */
export function subjectVerb(
  subject: string,
): { verb: CommandVerb; script: ChineseVariant } | undefined {
  const word = subject
    .trim()
    .replace(REPLY_PREFIX, "")
    .replace(/[\s.!。！]+$/, "")
    .toLowerCase();
  return Object.hasOwn(VERBS, word) ? VERBS[word] : undefined;
}

/** Reads the command of a mail from its subject and body text; never throws on bad input. */
export function readInboundCommand(subject: string, body: string): InboundCommand {
  const named = subjectVerb(subject);
  if (!named) return { kind: "none" };
  const { verb, script } = named;
  if (verb === "unsubscribe") return { kind: "unsubscribe", script };
  const read = readQueries(body);
  if ("problems" in read) return { kind: "invalid", verb, problems: read.problems, script };
  return { kind: verb, queries: read.queries, script };
}

/**
 * The body's queries, one per line, each checked by the query parser; every bad line is
 * reported with its number, so one reply can name them all.
 */
function readQueries(body: string): { queries: string[] } | { problems: LineProblem[] } {
  const lines = commandLines(body);
  if (lines.length === 0) {
    return wholeList("no keyword query found: write one query per line in the body");
  }
  if (lines.length > MAX_QUERIES_PER_SUBSCRIBER) {
    return wholeList(
      `${lines.length} lines given; at most ${MAX_QUERIES_PER_SUBSCRIBER} keyword queries are allowed`,
    );
  }
  const problems = lines.flatMap(({ number, text }) => {
    const message = inputProblem(() => parseQuery(text));
    return message === undefined ? [] : [{ line: number, text, message }];
  });
  if (problems.length > 0) return { problems };
  const texts = lines.map((line) => line.text);
  const message = inputProblem(() => parseQueryList(texts));
  if (message !== undefined) return wholeList(message);
  return { queries: parseQueryList(texts).map((query) => query.text) };
}

function wholeList(message: string): { problems: LineProblem[] } {
  return { problems: [{ line: 0, text: "", message }] };
}

/** The message of the InputError `check` throws, or undefined when it passes. */
function inputProblem(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}
