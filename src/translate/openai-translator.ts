import { z } from "zod";
import type { Glossary } from "./glossary";
import { postJson } from "./http-post";
import { systemPrompt, userMessage } from "./translation-prompt";
import type { TranslateReply, TranslateRequest, TranslatedText, Translator } from "./translator";

export const OPENAI_BASE_URL = "https://api.openai.com/v1";

/** An endpoint ("chat/completions", "models") under TRANSLATOR_BASE_URL, else OpenAI's own. */
export function openAiUrl(baseUrl: string | undefined, endpoint: string): string {
  return `${(baseUrl ?? OPENAI_BASE_URL).replace(/\/+$/, "")}/${endpoint}`;
}

export interface OpenAiTranslatorOptions {
  /** Up to and including the version, e.g. https://api.openai.com/v1 or http://localhost:11434/v1. */
  baseUrl: string;
  model: string;
  /** Absent for servers that take none (Ollama, a local vLLM). */
  apiKey?: string;
  glossary: Glossary;
  timeoutMs: number;
  /** Ask for a one-line Chinese summary per paper in the same answer (TRANSLATOR_SUMMARY). */
  summary: boolean;
}

const envelope = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

const item = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string(),
  abstract: z.string(),
  // Optional: a summary of the wrong type costs the paper nothing (check-summary.ts).
  summary: z.string().optional().catch(undefined),
});

/** The agreed shape; an object keyed by id is accepted too, since some models write that. */
const answer = z.object({
  translations: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]),
});

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, DeepSeek, Qwen's compatible mode,
 * Ollama, vLLM). Eight papers per request: about 12,000 characters in and 4,000 out, within
 * every current model's output limit; a cut-off answer is re-asked in smaller pieces anyway.
 * JSON mode is asked for; the answer is still validated item by item.
 */
export class OpenAiTranslator implements Translator {
  readonly provider: string;
  readonly maxBatchSize = 8;

  constructor(private readonly options: OpenAiTranslatorOptions) {
    this.provider = `openai:${options.model}`;
  }

  async translate({ items, hints, usage }: TranslateRequest): Promise<TranslateReply> {
    const terms = this.options.glossary.termsIn(...items.flatMap((i) => [i.title, i.abstract]));
    const messages = [
      { role: "system", content: systemPrompt(terms, this.options.summary) },
      { role: "user", content: userMessage(items, hints) },
    ];
    usage.requests += 1;
    usage.inputChars += messages.reduce((sum, m) => sum + m.content.length, 0);
    const headers: Record<string, string> = this.options.apiKey
      ? { Authorization: `Bearer ${this.options.apiKey}` }
      : {};
    const text = await postJson(openAiUrl(this.options.baseUrl, "chat/completions"), {
      headers,
      body: {
        model: this.options.model,
        messages,
        temperature: 0,
        response_format: { type: "json_object" },
      },
      timeoutMs: this.options.timeoutMs,
    });
    const parsed = envelope.safeParse(parseJson(text));
    if (!parsed.success) return { items: [], malformed: "not a chat-completions answer" };
    const choice = parsed.data.choices[0];
    const content = choice?.message.content ?? "";
    usage.outputChars += content.length;
    const reply = readAnswer(content, this.options.summary);
    return choice?.finish_reason === "length"
      ? { ...reply, malformed: "the answer was cut off (finish_reason length)" }
      : reply;
  }
}

/**
 * The model's text as translations; whatever is readable is kept, item by item. A summary is
 * kept only when one was asked for: with TRANSLATOR_SUMMARY=false none is stored.
 */
export function readAnswer(content: string, summary = false): TranslateReply {
  const unfenced = content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, "");
  const parsed = answer.safeParse(parseJson(unfenced));
  if (!parsed.success) return { items: [], malformed: 'not {"translations": [...]} JSON' };
  const raw = parsed.data.translations;
  const entries = Array.isArray(raw)
    ? raw
    : Object.entries(raw).map(([id, value]) => ({ id, ...(value as object) }));
  const items: TranslatedText[] = entries.flatMap((entry) => {
    const valid = item.safeParse(entry);
    if (!valid.success) return [];
    const { summary: said, ...text } = valid.data;
    return [summary && said !== undefined ? { ...text, summary: said } : text];
  });
  return { items };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
