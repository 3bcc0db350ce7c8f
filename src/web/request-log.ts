import { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from "fastify";
import { redactLinkKeys } from "../subscribers/subscriber-links";

/** A URL longer than this is cut in the log (a hostile one may be kilobytes long). */
const MAX_LOGGED_URL = 200;

/** What the log says of a request's URL: link tokens replaced by `***`, cut to a bound. */
function urlForLog(url: string): string {
  const redacted = redactLinkKeys(url);
  return redacted.length > MAX_LOGGED_URL ? `${redacted.slice(0, MAX_LOGGED_URL)}…` : redacted;
}

/**
 * One log line per request, written once it is answered: method, URL with its link key
 * redacted (every digest and link mail puts a token there), status, time. Fastify's own
 * controller writes two ("incoming request", "request completed") and logs the raw URL.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      url: urlForLog(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      remoteAddress: request.ip,
    };
    if (error) reply.log.error({ ...line, err: error }, "request failed");
    else reply.log.info(line, "request");
  }
}

type ErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * `handler` for fastify's `frameworkErrors`, with the request's log line: the router's refusals
 * (a bad URL, a parameter over maxParamLength) skip the request lifecycle that writes it.
 */
export function loggedWhenAnswered(log: LogController, handler: ErrorHandler): ErrorHandler {
  return (error, request, reply) => {
    reply.raw.once("finish", () => log.requestCompleted(null, request, reply));
    return handler(error, request, reply);
  };
}
