import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { InputError } from "../errors";
import { SendError } from "../transport/mail-transport";
import { bi, SECURITY_HEADERS } from "./page-layout";
import { messagePage, type Said } from "./page-replies";

const LATER: Said = ["请稍后再试。", "Please try again later."];

/**
 * What each refusal says. Fastify's own messages are never shown: they quote the URL or the
 * Content-Type as sent, and a page must not echo what came in.
 */
const REFUSALS: Record<number, readonly [heading: Said, text: Said]> = {
  400: [
    ["请求无效", "Bad request"],
    ["这个请求无法读取。", "This request could not be read."],
  ],
  404: [
    ["页面不存在", "Page not found"],
    [
      "这个地址没有页面。请检查链接，或从首页开始。",
      "There is no page at this address. Check the link, or start from the home page.",
    ],
  ],
  413: [
    ["请求太大", "Request too large"],
    ["提交的内容超过了长度限制。", "What was sent is longer than this site accepts."],
  ],
  414: [
    ["地址太长", "Address too long"],
    ["这个地址太长，不可能是我们的链接。", "This address is too long to be one of our links."],
  ],
  415: [
    ["无法读取表单", "Form not readable"],
    ["请在本站页面上提交表单。", "Please send the form from our own pages."],
  ],
  429: [["请求过多", "Too many requests"], LATER],
};

/**
 * Answers that machines read (a health check, the webhooks of mail providers) are JSON: a route
 * says so with `config: { jsonErrors: true }`, and everything under /webhooks/ does, so that an
 * unknown webhook URL is a JSON 404 too.
 */
function answersJson(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as { jsonErrors?: boolean } | undefined;
  return config?.jsonErrors === true || request.url.startsWith("/webhooks/");
}

/** The status an error stands for; 500 for anything that is not a client's mistake we know. */
function statusOf(error: FastifyError | Error): number {
  if (error instanceof InputError) return 400;
  if (error instanceof SendError) return 503;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}

/** The heading and text of a status; input we refused says why, as the check wrote it. */
function wordsFor(error: Error, status: number): readonly [Said, Said] {
  if (error instanceof InputError) {
    return [
      ["请求无效", "Bad request"],
      [error.zh ?? error.message, error.message],
    ];
  }
  if (error instanceof SendError) {
    return [
      ["暂时无法发送邮件", "We could not send the mail just now"],
      ["请几分钟后再试。", "Please try again in a few minutes."],
    ];
  }
  if (status >= 500) return [["出错了", "Something went wrong"], LATER];
  return REFUSALS[status] ?? (REFUSALS[400] as readonly [Said, Said]);
}

/**
 * The one error handler of the server: route errors, errors raised before a handler runs
 * (content-type parsing, body limit, rate limits, hooks) and the router's own (bad URL, a
 * parameter over maxParamLength) all come here. Each is a bilingual page with the security
 * headers that pages carry, set here because some of these replies skip the route's hooks;
 * nothing of the request is echoed. Failures of ours (5xx) are logged, refusals are not.
 */
export async function pageErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const status = statusOf(error);
  if (error instanceof SendError) request.log.warn({ err: error }, "link mail not sent");
  else if (status >= 500) request.log.error({ err: error }, "page failed");
  const [heading, text] = wordsFor(error, status);
  return errorReply(request, reply, status, heading, text);
}

/** Every URL no route serves: the same page for all, saying nothing of the URL. */
export async function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const [heading, text] = REFUSALS[404] as readonly [Said, Said];
  return errorReply(request, reply, 404, heading, text);
}

function errorReply(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  heading: Said,
  text: Said,
) {
  reply.headers(SECURITY_HEADERS);
  if (answersJson(request)) return reply.code(status).send({ error: heading[1], message: text[1] });
  const home =
    status === 404 || status === 414
      ? `<p><a href="/">${bi("首页", "Home page", " · ")}</a></p>`
      : "";
  return messagePage(reply, status, heading, text, home);
}
