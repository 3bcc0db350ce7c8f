import type { ChineseVariant } from "./subscriber";
import { InputError } from "../errors";
import { MAX_QUERIES_PER_SUBSCRIBER, parseQueryList, tooManyQueries } from "../match/query";
import { isTimeZone } from "./time-zone";

export const CHINESE_VARIANT_NAMES: Record<ChineseVariant, string> = {
  "zh-CN": "简体中文",
  "zh-TW": "繁體中文",
};

/** "zh-CN" or "zh-TW", or an InputError naming both. */
export function checkLanguage(language: string): ChineseVariant {
  if (language === "zh-CN" || language === "zh-TW") return language;
  const named = JSON.stringify(language.slice(0, 20));
  throw new InputError(
    `language ${named} is not supported; use zh-CN or zh-TW`,
    `不支持语言 ${named}；请用 zh-CN 或 zh-TW`,
  );
}

/** An IANA time zone name the runtime knows, or an InputError. */
export function checkTimeZone(zone: string): string {
  const trimmed = zone.trim();
  if (trimmed.length <= 64 && isTimeZone(trimmed)) return trimmed;
  const named = JSON.stringify(trimmed.slice(0, 64));
  throw new InputError(
    `time zone ${named} is not known; use a name such as Asia/Shanghai`,
    `不认识时区 ${named}；请用 Asia/Shanghai 这样的名称`,
  );
}

/**
 * A subscriber's keyword list from outside (form lines, mail body lines): blank entries dropped,
 * the count bounded before any parsing, then every query parsed (throws the first problem).
 */
export function checkKeywords(raws: readonly string[]): string[] {
  const given = raws.map((raw) => raw.trim()).filter((raw) => raw !== "");
  if (given.length > MAX_QUERIES_PER_SUBSCRIBER) throw tooManyQueries(given.length);
  return parseQueryList(given).map((query) => query.text);
}
