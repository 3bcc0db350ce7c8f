import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { App } from "../container";
import { InputError } from "../errors";
import { SendError } from "../mail/mail-transport";
import { registerConfirmRoutes } from "./confirm-routes";
import { createDigestPreviewer } from "./digest-preview";
import { registerDigestViewRoutes } from "./digest-view-routes";
import { createEditionContentCache } from "./edition-content-cache";
import { registerManageRoutes } from "./manage-routes";
import { bi, esc } from "./page-layout";
import { sendPage } from "./page-replies";
import { registerSubscribeRoutes } from "./subscribe-routes";
import { registerUnsubscribeRoutes } from "./unsubscribe-routes";

/** What the pages use of the application. */
export type PagesApp = Pick<
  App,
  "logger" | "config" | "deliveries" | "subscribers" | "subscriptions" | "editions" | "template"
>;

/**
 * Every page people reach: subscribe, confirm, manage, web view, unsubscribe. Registered as one
 * plugin so its per-IP rate limits and its error pages apply to these routes only (not to
 * /healthz or /metrics).
 */
export async function registerPages(scope: FastifyInstance, app: PagesApp): Promise<void> {
  await scope.register(rateLimit, { global: false });
  scope.setErrorHandler(async (error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      return sendPage(
        reply,
        429,
        "请求过多 Too many requests",
        `<h1>${bi("请求过多", "Too many requests")}</h1><p>${bi("请稍后再试。", "Please try again later.")}</p>`,
      );
    }
    if (error instanceof SendError) {
      request.log.warn({ err: error }, "link mail not sent");
      return sendPage(
        reply,
        503,
        "暂时无法发信 Mail not sent",
        `<h1>${bi("暂时无法发送邮件", "We could not send the mail just now")}</h1><p>${bi("请几分钟后再试。", "Please try again in a few minutes.")}</p>`,
      );
    }
    if (error instanceof InputError || (status >= 400 && status < 500)) {
      return sendPage(
        reply,
        error instanceof InputError ? 400 : status,
        "请求无效 Bad request",
        `<h1>${bi("请求无效", "Bad request")}</h1><p lang="en">${esc(error instanceof Error ? error.message : "")}</p>`,
      );
    }
    request.log.error({ err: error }, "page failed");
    return sendPage(
      reply,
      500,
      "出错了 Something went wrong",
      `<h1>${bi("出错了", "Something went wrong")}</h1><p>${bi("请稍后再试。", "Please try again later.")}</p>`,
    );
  });

  const { subscriptions } = app;
  const publicUrl = app.config.publicUrl;
  const contentOf = createEditionContentCache(app);
  registerSubscribeRoutes(scope, { subscriptions });
  registerConfirmRoutes(scope, { subscriptions, publicUrl });
  registerManageRoutes(scope, {
    subscriptions,
    publicUrl,
    preview: createDigestPreviewer(app, contentOf),
  });
  registerDigestViewRoutes(scope, {
    subscriptions,
    config: app.config,
    editions: app.editions,
    template: () => app.template(),
    contentOf,
  });
  registerUnsubscribeRoutes(scope, app);
}
