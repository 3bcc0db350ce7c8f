/**
 * The port every translation provider implements: a batch of papers (title + abstract) from
 * English to Simplified Chinese in one request. Retries, re-asks, validation and storage are the
 * caller's job (translate-batches.ts), so a provider is only the wire format.
 */

/** One paper to translate. `id` is opaque to the provider and comes back with the answer. */
export interface SourceText {
  id: string;
  title: string;
  abstract: string;
}

/** One paper as the provider answered, before it is checked (check-translation.ts). */
export interface TranslatedText {
  id: string;
  title: string;
  abstract: string;
  /** The one-line summary (一句话总结), when asked for and answered; optional (check-summary.ts). */
  summary?: string;
}

/** Running totals of what translation cost; the characters are the text sent and received. */
export interface TranslationUsage {
  requests: number;
  inputChars: number;
  outputChars: number;
}

export interface TranslateRequest {
  items: readonly SourceText[];
  /** Per id, what was wrong with the last answer, for a provider that can say so to the model. */
  hints?: ReadonlyMap<string, string>;
  /** Counted by the provider for every request it sends, answered or not. */
  usage: TranslationUsage;
}

/** What one request brought back: the items that came back well-formed, and why others did not. */
export interface TranslateReply {
  items: TranslatedText[];
  /** Set when the answer as a whole could not be read (bad JSON, wrong shape, wrong count). */
  malformed?: string;
}

export interface Translator {
  /** Stored with each translation, e.g. "openai:qwen2.5:7b" or "deepl". */
  readonly provider: string;
  /** Papers per request: as many as the provider takes and answers reliably. */
  readonly maxBatchSize: number;
  /**
   * Sends one request. Throws TranslatorRequestError when the request itself fails (HTTP status,
   * timeout, network); a readable answer that lacks items is a reply with fewer items.
   */
  translate(request: TranslateRequest): Promise<TranslateReply>;
}

/** A fresh set of counters. */
export function emptyUsage(): TranslationUsage {
  return { requests: 0, inputChars: 0, outputChars: 0 };
}
