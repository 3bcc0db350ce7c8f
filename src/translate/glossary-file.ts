import fs from "node:fs";
import { z } from "zod";
import type { GlossaryEntry } from "./glossary";
import { messageOf } from "../errors";

const jsonEntry = z.object({
  en: z.string().trim().min(1),
  zh: z.string().trim().min(1),
  zhAlso: z.array(z.string().trim().min(1)).optional(),
  avoid: z.array(z.string().trim().min(1)).optional(),
});

/**
 * `{"LLM": "大语言模型"}` or
 * `[{"en": "LLM", "zh": "大语言模型", "zhAlso": ["大模型"], "avoid": ["法学硕士"]}]`.
 */
const jsonGlossary = z.union([
  z.record(z.string().trim().min(1), z.string().trim().min(1)),
  z.array(jsonEntry),
]);

/**
 * One line: `english = 中文`, optionally more accepted renderings after commas (`= 强化学习,
 * 增强学习`) and `!= wrong1, wrong2`; `#` starts a comment.
 */
const LINE = /^(?<en>[^=]+?)\s*=\s*(?<zh>[^!]+?)\s*(?:!=\s*(?<avoid>.+))?$/;

/**
 * Reads the operator's glossary (TRANSLATOR_GLOSSARY_FILE): JSON when it starts with { or [,
 * else one "english = 中文" per line. Returns the entries, or the problems, each naming the
 * line, so the configuration error says exactly what to fix.
 */
export function readGlossaryFile(file: string): { entries: GlossaryEntry[]; problems: string[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const reason = messageOf(error);
    return { entries: [], problems: [`cannot be read (${reason})`] };
  }
  const read = /^\s*[[{]/.test(text) ? parseJson(text) : parseLines(text);
  return {
    entries: read.entries,
    problems: [...read.problems, ...read.entries.flatMap(conflicts)],
  };
}

/** A rendering also listed as wrong would be replaced by itself and accepted: say so instead. */
function conflicts(entry: GlossaryEntry): string[] {
  return [entry.zh, ...(entry.zhAlso ?? [])]
    .filter((zh) => entry.avoid?.includes(zh))
    .map((zh) => `"${entry.en}": ${zh} is given both as a rendering and after !=`);
}

function parseJson(text: string): { entries: GlossaryEntry[]; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { entries: [], problems: [`is not valid JSON (${(error as Error).message})`] };
  }
  const parsed = jsonGlossary.safeParse(value);
  if (!parsed.success) {
    return {
      entries: [],
      problems: [
        'should be {"english": "中文", …} or [{"en": …, "zh": …, "zhAlso": […], "avoid": […]}, …]',
      ],
    };
  }
  const data = parsed.data;
  return {
    entries: Array.isArray(data) ? data : Object.entries(data).map(([en, zh]) => ({ en, zh })),
    problems: [],
  };
}

function parseLines(text: string): { entries: GlossaryEntry[]; problems: string[] } {
  const entries: GlossaryEntry[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") return;
    const groups = LINE.exec(line)?.groups;
    const [zh, ...zhAlso] = words(groups?.zh ?? "");
    if (!groups?.en || zh === undefined) {
      problems.push(`line ${index + 1}: expected "english = 中文", got ${JSON.stringify(raw)}`);
      return;
    }
    const avoid = groups.avoid === undefined ? [] : words(groups.avoid);
    entries.push({
      en: groups.en.trim(),
      zh,
      ...(zhAlso.length > 0 ? { zhAlso } : {}),
      ...(avoid.length > 0 ? { avoid } : {}),
    });
  });
  return { entries, problems };
}

/** A comma-separated list (ASCII or Chinese commas), blanks dropped. */
function words(list: string): string[] {
  return list
    .split(/[,，]/)
    .map((word) => word.trim())
    .filter(Boolean);
}
