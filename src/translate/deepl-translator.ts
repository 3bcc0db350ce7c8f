import { z } from "zod";
import { KEEP_TAG, protectForDeepL, unprotectFromDeepL } from "./deepl-markup";
import type { Glossary } from "./glossary";
import { postJson } from "./http-post";
import type { TranslateReply, TranslateRequest, TranslatedText, Translator } from "./translator";

export interface DeepLTranslatorOptions {
  apiKey: string;
  /** TRANSLATOR_BASE_URL; otherwise the free host for a ":fx" key, the pro host for others. */
  baseUrl?: string;
  glossary: Glossary;
  timeoutMs: number;
}

/** DeepL's hosts: free-plan keys end in ":fx" and only work on the free host. */
export function deeplBaseUrl(apiKey: string, override?: string): string {
  if (override) return override.replace(/\/+$/, "").replace(/\/v2$/, "");
  return apiKey.endsWith(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com";
}

const answer = z.object({
  translations: z.array(
    z.object({ detected_source_language: z.string().optional(), text: z.string() }),
  ),
});

/**
 * The DeepL REST API (POST /v2/translate). One request carries 25 papers as 50 `text` values
 * (title, abstract, title, …), DeepL's limit per request, in JSON; DeepL answers them in order.
 * Math, URLs and glossary terms travel inside ignored tags (deepl-markup.ts).
 */
export class DeepLTranslator implements Translator {
  readonly provider = "deepl";
  readonly maxBatchSize = 25;
  private readonly url: string;

  constructor(private readonly options: DeepLTranslatorOptions) {
    this.url = `${deeplBaseUrl(options.apiKey, options.baseUrl)}/v2/translate`;
  }

  async translate({ items, usage }: TranslateRequest): Promise<TranslateReply> {
    const { glossary } = this.options;
    const text = items.flatMap((i) => [
      protectForDeepL(i.title, glossary),
      protectForDeepL(i.abstract, glossary),
    ]);
    usage.requests += 1;
    usage.inputChars += text.reduce((sum, t) => sum + t.length, 0);
    const body = await postJson(this.url, {
      headers: { Authorization: `DeepL-Auth-Key ${this.options.apiKey}` },
      body: {
        text,
        source_lang: "EN",
        target_lang: "ZH-HANS",
        tag_handling: "xml",
        ignore_tags: [KEEP_TAG],
      },
      timeoutMs: this.options.timeoutMs,
    });
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { items: [], malformed: "not JSON" };
    }
    const parsed = answer.safeParse(json);
    if (!parsed.success) return { items: [], malformed: "not a /v2/translate answer" };
    const out = parsed.data.translations.map((t) => t.text);
    usage.outputChars += out.reduce((sum, t) => sum + t.length, 0);
    if (out.length !== text.length) {
      return { items: [], malformed: `${out.length} texts answered for ${text.length} sent` };
    }
    const translated: TranslatedText[] = items.flatMap((source, i) => {
      const title = unprotectFromDeepL(out[2 * i] ?? "");
      const abstract = unprotectFromDeepL(out[2 * i + 1] ?? "");
      return title && abstract ? [{ id: source.id, title, abstract }] : [];
    });
    return { items: translated };
  }
}
