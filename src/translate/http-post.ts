import { retryAfterMs } from "../http/retry-after";
import { failureOfStatus, TranslatorRequestError } from "./translator-errors";
import { describeRequestFailure } from "../errors";

export interface PostOptions {
  headers: Record<string, string>;
  /** JSON body, sent as application/json. */
  body: unknown;
  /** The whole exchange, answer included, must finish within this. */
  timeoutMs: number;
}

/** Error bodies are quoted in logs, shortened: they can be whole HTML pages. */
const ERROR_BODY_CHARS = 200;

/**
 * POSTs JSON and returns the answer's text on a 2xx. Anything else becomes a
 * TranslatorRequestError classed for the retry loop; the API key never appears in a message.
 */
export async function postJson(url: string, options: PostOptions): Promise<string> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...options.headers },
      body: JSON.stringify(options.body),
      signal,
    });
  } catch (error) {
    throw new TranslatorRequestError(
      `${hostOf(url)}: request ${describeRequestFailure(error)}`,
      "transient",
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new TranslatorRequestError(
      `${hostOf(url)}: reading the answer ${describeRequestFailure(error)}`,
      "transient",
    );
  }
  if (response.ok) return text;
  const excerpt = text.replace(/\s+/g, " ").slice(0, ERROR_BODY_CHARS);
  throw new TranslatorRequestError(
    `${hostOf(url)} answered HTTP ${response.status}${excerpt ? `: ${excerpt}` : ""}`,
    failureOfStatus(response.status),
    response.status,
    retryAfterMs(response.headers.get("retry-after"), Date.now()),
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "translator";
  }
}
