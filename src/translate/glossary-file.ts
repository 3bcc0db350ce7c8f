import fs from "node:fs";
import { z } from "zod";
import type { GlossaryEntry } from "./glossary";
import { messageOf } from "../errors";

const jsonEntry = z.object({
  en: z.string().trim().min(1),
  zh: z.string().trim().min(1),
  avoid: z.array(z.string().trim().min(1)).optional(),
});

/** `{"LLM": "大语言模型"}` or `[{"en": "LLM", "zh": "大语言模型", "avoid": ["法学硕士"]}]`. */
const jsonGlossary = z.union([
  z.record(z.string().trim().min(1), z.string().trim().min(1)),
  z.array(jsonEntry),
]);

/** One line: `english = 中文`, optionally `!= wrong1, wrong2`; `#` starts a comment. */
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
  return /^\s*[[{]/.test(text) ? parseJson(text) : parseLines(text);
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
      problems: ['should be {"english": "中文", …} or [{"en": …, "zh": …, "avoid": […]}, …]'],
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
    if (!groups?.en || !groups.zh) {
      problems.push(`line ${index + 1}: expected "english = 中文", got ${JSON.stringify(raw)}`);
      return;
    }
    const avoid = groups.avoid
      ?.split(/[,，]/)
      .map((word) => word.trim())
      .filter(Boolean);
    entries.push({ en: groups.en.trim(), zh: groups.zh.trim(), ...(avoid ? { avoid } : {}) });
  });
  return { entries, problems };
}
