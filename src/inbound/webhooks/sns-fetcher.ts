import { AppError, messageOf } from "../../errors";
import { snsUrl } from "./sns-message";
import type { SnsFetcher } from "./sns-signatures";

/** How long SNS may take to hand over a certificate or answer a confirmation. */
const SNS_TIMEOUT_MS = 10_000;

/** Amazon SNS could not be reached, or refused: nothing was confirmed or verified. */
export class SnsFetchError extends AppError {
  constructor(message: string) {
    super("SNS_FETCH_FAILED", message);
  }
}

/**
 * The real SnsFetcher: GETs an https URL on Amazon SNS's own hosts, without following redirects,
 * and refuses any other URL before connecting, whatever the caller checked already.
 */
export const fetchFromSns: SnsFetcher = async (url) => {
  if (!snsUrl(url.href))
    throw new SnsFetchError(`refused to fetch ${url.origin}: not an Amazon SNS host`);
  const response = await fetch(url, {
    redirect: "error",
    signal: AbortSignal.timeout(SNS_TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new SnsFetchError(`${url.origin} could not be reached: ${messageOf(error)}`);
  });
  if (!response.ok) throw new SnsFetchError(`${url.origin} answered ${response.status}`);
  return response.text();
};
