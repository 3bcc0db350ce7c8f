import rateLimit from "@fastify/rate-limit";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type pino from "pino";
import type { ReportDeps } from "../inbound/process-report";
import { MailgunSignatures } from "../inbound/webhooks/mailgun-signatures";
import { mailgunVerdict } from "../inbound/webhooks/mailgun-webhook";
import { postmarkVerdict } from "../inbound/webhooks/postmark-webhook";
import { applyProviderReports, type WebhookVerdict } from "../inbound/webhooks/provider-report";
import { sesVerdict } from "../inbound/webhooks/ses-webhook";
import { SnsSignatures, type SnsFetcher } from "../inbound/webhooks/sns-signatures";
import type { WebhookSettings } from "../inbound/webhooks/webhook-settings";
import { clientKey } from "./client-budgets";
import { WEBHOOK_RATE_LIMIT } from "./rate-limits";

/** What the provider webhooks use: which are on, the feedback ports, and the way to SNS. */
export interface WebhookDeps {
  logger: pino.Logger;
  settings: WebhookSettings;
  reports: ReportDeps;
  snsFetcher: SnsFetcher;
}

/** A provider's request: one event (Postmark, Mailgun) or one SNS message, never a batch. */
const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * POST /webhooks/postmark, /webhooks/mailgun and /webhooks/ses, each only when configured (else
 * 404 like any unknown URL). Outside the pages' plugin: their own body limit, a rate limit a
 * provider's burst stays under, and answers in JSON. Providers post again until they get a 2xx,
 * so an event not acted on (a delivery, an open) is answered 200; an unsigned request 401, a
 * wrongly signed one 403, both changing nothing.
 */
export async function registerWebhookRoutes(
  scope: FastifyInstance,
  deps: WebhookDeps,
): Promise<void> {
  const { postmark, mailgun, ses } = deps.settings;
  if (!postmark && !mailgun && !ses) return;
  // Every body is read as text, whatever its type: SNS posts its JSON as text/plain.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => {
    done(null, body);
  });
  await scope.register(rateLimit, { ...WEBHOOK_RATE_LIMIT, keyGenerator: clientKey });
  scope.setErrorHandler(webhookErrorHandler);

  const route = (
    provider: string,
    verdictOf: (request: FastifyRequest) => Promise<WebhookVerdict>,
  ) =>
    scope.post(
      `/webhooks/${provider}`,
      { bodyLimit: WEBHOOK_BODY_LIMIT_BYTES },
      async (request, reply) => answer(deps, provider, await verdictOf(request), reply),
    );
  if (postmark) {
    route("postmark", async (request) =>
      postmarkVerdict(postmark, request.headers.authorization, bodyOf(request)),
    );
  }
  if (mailgun) {
    const signatures = new MailgunSignatures(mailgun);
    route("mailgun", async (request) => mailgunVerdict(signatures, bodyOf(request)));
  }
  if (ses) {
    const sesDeps = {
      settings: ses,
      signatures: new SnsSignatures(deps.snsFetcher),
      fetcher: deps.snsFetcher,
    };
    route("ses", (request) => sesVerdict(sesDeps, bodyOf(request)));
  }
}

const bodyOf = (request: FastifyRequest) => (typeof request.body === "string" ? request.body : "");

async function answer(
  deps: WebhookDeps,
  provider: string,
  verdict: WebhookVerdict,
  reply: FastifyReply,
) {
  const log = deps.logger.child({ webhook: provider });
  switch (verdict.kind) {
    case "refused":
      log.warn(`webhook refused: ${verdict.detail}`);
      if (verdict.status === 401) reply.header("www-authenticate", 'Basic realm="webhooks"');
      return reply.code(verdict.status).send({ error: verdict.detail });
    case "invalid":
      log.warn(`webhook not read: ${verdict.detail}`);
      return reply.code(400).send({ error: verdict.detail });
    case "ignored":
      log.debug(`webhook ignored: ${verdict.detail}`);
      return reply.send({ ignored: verdict.detail });
    case "reports": {
      const results = await applyProviderReports(deps.reports, verdict.reports);
      verdict.onHandled?.();
      for (const result of results) log.info(result, "webhook report");
      return reply.send({ results });
    }
  }
}

/** Errors in JSON: a body too large (413), too many requests (429), or ours (500, logged). */
async function webhookErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const status = (error as { statusCode?: number }).statusCode ?? 500;
  if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
  request.log.error({ err: error }, "webhook failed");
  return reply.code(500).send({ error: "not handled; post it again later" });
}
