import { DeepLTranslator } from "./deepl-translator";
import { Glossary, type GlossaryEntry } from "./glossary";
import { GLOSSARY_ZH } from "./glossary-zh";
import { OPENAI_BASE_URL, OpenAiTranslator } from "./openai-translator";
import { DEFAULT_TRANSLATE_POLICY, type TranslatePolicy } from "./translate-policy";
import type { Translator } from "./translator";

/** A provider with the glossary it was given and the limits it runs under. */
export interface ConfiguredTranslator {
  translator: Translator;
  glossary: Glossary;
  policy: TranslatePolicy;
}

/** TRANSLATOR and the TRANSLATOR_* settings. */
export interface TranslatorSettings {
  provider: "none" | "openai" | "deepl";
  /** Replaces the provider's endpoint (a proxy, a local server, a test). */
  baseUrl?: string;
  apiKey?: string;
  /** For openai: the chat model. */
  model: string;
  maxPapers: number;
  concurrency: number;
  timeoutMs: number;
  /** The operator's glossary entries (TRANSLATOR_GLOSSARY_FILE), added to the shipped ones. */
  glossary: GlossaryEntry[];
  /** TRANSLATOR_SUMMARY: a one-line Chinese summary per paper, where the provider can write one. */
  summary: boolean;
}

/** The shipped glossary with the operator's entries, which win over shipped ones. */
export function glossaryOf(config: Pick<TranslatorSettings, "glossary">): Glossary {
  return new Glossary(GLOSSARY_ZH, config.glossary);
}

/** Builds the configured provider, or undefined for TRANSLATOR=none. */
export function createTranslator(config: TranslatorSettings): ConfiguredTranslator | undefined {
  if (config.provider === "none") return undefined;
  const glossary = glossaryOf(config);
  const policy: TranslatePolicy = {
    ...DEFAULT_TRANSLATE_POLICY,
    maxPapers: config.maxPapers,
    concurrency: config.concurrency,
    timeoutMs: config.timeoutMs,
  };
  const translator =
    config.provider === "openai"
      ? new OpenAiTranslator({
          baseUrl: config.baseUrl ?? OPENAI_BASE_URL,
          model: config.model,
          apiKey: config.apiKey,
          glossary,
          timeoutMs: config.timeoutMs,
          summary: config.summary,
        })
      : // DeepL only translates: its papers simply have no summary.
        new DeepLTranslator({
          // loadConfig refuses deepl without a key; "" only satisfies the type.
          apiKey: config.apiKey ?? "",
          baseUrl: config.baseUrl,
          glossary,
          timeoutMs: config.timeoutMs,
        });
  return { translator, glossary, policy };
}
