import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { InputError } from "../errors";
import { SendError } from "../transport/mail-transport";
import { messagePage } from "./page-replies";

const LATER = ["请稍后再试。", "Please try again later."] as const;

/**
 * The pages' error handler: every failure is a bilingual page with the right status. Too many
 * requests (the rate limits), a link mail the SMTP server did not take (try again: the address's
 * hourly mail is not spent), input refused (4xx), and anything else (500, logged).
 */
export async function pageErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const status = (error as { statusCode?: number }).statusCode ?? 500;
  if (status === 429) return messagePage(reply, 429, ["请求过多", "Too many requests"], LATER);
  if (error instanceof SendError) {
    request.log.warn({ err: error }, "link mail not sent");
    return messagePage(
      reply,
      503,
      ["暂时无法发送邮件", "We could not send the mail just now"],
      ["请几分钟后再试。", "Please try again in a few minutes."],
    );
  }
  if (error instanceof InputError || (status >= 400 && status < 500)) {
    const code = error instanceof InputError ? 400 : status;
    return messagePage(reply, code, ["请求无效", "Bad request"], ["请求无法处理：", error.message]);
  }
  request.log.error({ err: error }, "page failed");
  return messagePage(reply, 500, ["出错了", "Something went wrong"], LATER);
}
