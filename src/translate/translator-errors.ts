import { AppError } from "../errors";

/** How a request failed, which decides what happens next (request-with-retry.ts). */
export type RequestFailure =
  /** 429: wait as the server says, then try again. */
  | "rate-limited"
  /** 5xx, timeout, dropped connection: back off and try again. */
  | "transient"
  /** 400/413: the request is too big or not understood; a smaller batch may pass. */
  | "rejected"
  /** 401/403/404/456 (DeepL quota): every later request would fail the same way. */
  | "fatal";

/** A translation request that did not come back with a readable answer. */
export class TranslatorRequestError extends AppError {
  constructor(
    message: string,
    readonly failure: RequestFailure,
    readonly status?: number,
    /** From Retry-After, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super("TRANSLATOR_REQUEST_FAILED", message);
  }
}

/** The failure class of an HTTP status that is not a success. */
export function failureOfStatus(status: number): RequestFailure {
  if (status === 429) return "rate-limited";
  if (status >= 500 || status === 408) return "transient";
  if (status === 400 || status === 413 || status === 422) return "rejected";
  return "fatal";
}
