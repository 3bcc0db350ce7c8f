import type { FastifyInstance } from "fastify";
import type { ChineseVariant } from "../subscribers/subscriber";
import { normalizeEmail } from "../transport/email-address";
import type { SubscriptionService } from "../subscribers/subscription-service";
import { numberedLines, refusalOf, textField } from "./form-fields";
import { keywordLinesProblems } from "./keyword-form";
import { bi, refusalHtml } from "./page-layout";
import { sendPage } from "./page-replies";
import { limited } from "./rate-limits";
import { checkInboxPage, subscribePage, type SubscribeFormState } from "./subscribe-page";

/** More lines than this are not read at all (the limit of 20 queries is reported first). */
const MAX_LINES_READ = 200;

const TITLE = "订阅 arXiv 每日论文 Subscribe to the arXiv digest";

/** The form's values, each checked, so every problem is shown next to its field at once. */
function checkSubscribeForm(body: unknown): SubscribeFormState {
  const raw = textField(body, "language");
  const state: SubscribeFormState = {
    email: textField(body, "email"),
    keywords: textField(body, "keywords"),
    language: raw === "zh-TW" ? "zh-TW" : "zh-CN",
  };
  if (raw !== "" && raw !== "zh-CN" && raw !== "zh-TW") {
    state.formError = bi(
      "不支持这种中文。",
      "That Chinese variant is not offered (zh-CN or zh-TW).",
      " ",
    );
  }
  const refused = refusalOf(() => normalizeEmail(state.email ?? ""));
  if (refused) {
    state.emailError = refusalHtml(refused);
  }
  state.keywordsErrors = keywordLinesProblems(numberedLines(state.keywords ?? "", MAX_LINES_READ));
  return state;
}

/**
 * GET / (the form) and POST /subscribe. The POST is a public endpoint that also works from a
 * plain form on another site or from curl, so it has no cross-site check: double opt-in (nothing
 * is sent but one mail to the address itself), one such mail per address per hour and the per-IP
 * limit protect it. The answer is the same for new, pending and subscribed addresses.
 */
export function registerSubscribeRoutes(
  server: FastifyInstance,
  deps: { subscriptions: SubscriptionService },
): void {
  server.get("/", limited("pages"), async (_request, reply) =>
    sendPage(reply, 200, TITLE, subscribePage()),
  );

  server.post("/subscribe", limited("mailRequests"), async (request, reply) => {
    const state = checkSubscribeForm(request.body);
    if (state.emailError || state.keywordsErrors || state.formError) {
      return sendPage(reply, 400, TITLE, subscribePage(state));
    }
    const outcome = await deps.subscriptions.requestSubscription({
      email: state.email ?? "",
      queries: numberedLines(state.keywords ?? "", MAX_LINES_READ).map((line) => line.text),
      language: state.language as ChineseVariant,
    });
    return sendPage(reply, 200, "请查收邮件 Check your inbox", checkInboxPage(outcome.email));
  });
}
