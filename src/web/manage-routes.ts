import type { FastifyInstance, FastifyReply } from "fastify";
import type { Subscriber } from "../subscribers/subscriber";
import { InputError } from "../errors";
import { unbridgedChineseTerms, type ChineseBridge } from "../match/chinese-terms";
import { parseQuery } from "../match/query";
import { normalizeEmail } from "../transport/email-address";
import type { SubscriptionService } from "../subscribers/subscription-service";
import { isCrossSite } from "./cross-site-guard";
import type { DigestPreview } from "./digest-preview";
import { refusalOf, textField } from "./form-fields";
import { readKeywordRows, rowsAreValid, type KeywordRows } from "./keyword-form";
import { DONE_NOTICES, managePage, type ManagePageState } from "./manage-page";
import { escapeHtml } from "../digest/escape-html";
import { bi, refusalHtml } from "./page-layout";
import { crossSitePage, invalidLinkPage, sendPage, unsubscribedPage } from "./page-replies";
import { limited } from "./rate-limits";
import { checkInboxPage } from "./subscribe-page";

interface Deps {
  subscriptions: SubscriptionService;
  publicUrl: string;
  preview: (subscriber: Subscriber) => Promise<DigestPreview | undefined>;
  /** The glossary bridge: Chinese terms it does not know are pointed out next to the keyword. */
  chinese?: ChineseBridge;
}

type KeyRoute = { Params: { key: string }; Querystring: { done?: string } };

const TITLE = "管理订阅 Manage your subscription";

/** The notice a redirect's `?done=` names; only our own names (not `__proto__`). */
function doneNotice(done: unknown): ManagePageState["notice"] {
  return typeof done === "string" && Object.hasOwn(DONE_NOTICES, done)
    ? DONE_NOTICES[done]
    : undefined;
}

/** Gone (left or bounced): old links must not change anything, nor bring the address back. */
const hasLeft = (subscriber: Subscriber) =>
  subscriber.status === "unsubscribed" || subscriber.status === "bounced";

/** What an old link of someone who left shows: undo (a new double opt-in) where it applies. */
const leftPage = (reply: FastifyReply, subscriber: Subscriber, key: string) =>
  unsubscribedPage(reply, subscriber.status === "unsubscribed" ? key : undefined);

/**
 * The manage page, opened from the link in every digest (`<delivery>.<token>`) or a mailed
 * manage link (`m<subscriber>.<token>`); the key in the URL is the only credential. Each form
 * posts back to the same URL and, once done, is redirected (303) to the page's own path: the
 * target is built from the checked key, never from input, so there is no open redirect.
 */
export function registerManageRoutes(server: FastifyInstance, deps: Deps): void {
  const { subscriptions, chinese } = deps;
  const unknownChinese = (keyword: string): readonly string[] => {
    if (!chinese) return [];
    try {
      return unbridgedChineseTerms(parseQuery(keyword).ast, chinese);
    } catch {
      return []; // a stored keyword that no longer parses is shown as it is
    }
  };

  server.get("/manage", limited("pages"), async (_request, reply) =>
    sendPage(reply, 200, TITLE, lostLinkPage()),
  );

  server.post("/manage", limited("mailRequests"), async (request, reply) => {
    const email = textField(request.body, "email");
    const refused = refusalOf(() => normalizeEmail(email));
    if (refused) return sendPage(reply, 400, TITLE, lostLinkPage(email, refused));
    const outcome = await subscriptions.sendManageLink(email);
    return sendPage(reply, 200, "请查收邮件 Check your inbox", checkInboxPage(outcome.email));
  });

  server.get<KeyRoute>("/manage/:key", limited("tokenPages"), async (request, reply) => {
    const subscriber = await subscriptions.subscriberForManageKey(request.params.key);
    if (!subscriber) return invalidLinkPage(reply);
    if (hasLeft(subscriber)) return leftPage(reply, subscriber, request.params.key);
    return render(reply, 200, { subscriber, notice: doneNotice(request.query.done) });
  });

  server.post<KeyRoute>("/manage/:key", limited("tokenPages"), async (request, reply) => {
    if (isCrossSite(request, deps.publicUrl)) return crossSitePage(reply);
    const subscriber = await subscriptions.subscriberForManageKey(request.params.key);
    if (!subscriber) return invalidLinkPage(reply);
    if (hasLeft(subscriber)) return leftPage(reply, subscriber, request.params.key);
    const action = textField(request.body, "action");
    const done = () => reply.redirect(`/manage/${request.params.key}?done=${action}`, 303);
    switch (action) {
      case "keywords": {
        const rows = readKeywordRows(request.body);
        const problem = rowsAreValid(rows) ? await saveKeywords(subscriber, rows) : rows;
        return problem ? render(reply, 400, { subscriber, rows: problem }) : done();
      }
      case "settings": {
        // Refused: the page comes back with what was typed (nothing stored), not the old values.
        const typed = {
          language: textField(request.body, "language"),
          timeZone: textField(request.body, "timeZone"),
        };
        try {
          await subscriptions.updateSettings(subscriber.id, typed);
          return done();
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          return render(reply, 400, { subscriber, typed, settingsError: refusalHtml(error) });
        }
      }
      case "pause":
      case "resume":
      case "unsubscribe":
        await subscriptions[action](subscriber.id);
        return done();
      default:
        return render(reply, 400, { subscriber });
    }
  });

  // Undo of leaving, from the "you are unsubscribed" page: a POST (a scanner's GET finds no
  // route) that mails a confirmation link, so it counts against the mail-sending budget.
  server.post<KeyRoute>("/manage/:key/undo", limited("mailRequests"), async (request, reply) => {
    if (isCrossSite(request, deps.publicUrl)) return crossSitePage(reply);
    const subscriber = await subscriptions.subscriberForManageKey(request.params.key);
    if (!subscriber) return invalidLinkPage(reply);
    const outcome = await subscriptions.resubscribe(subscriber.id);
    if (outcome)
      return sendPage(reply, 200, "请查收邮件 Check your inbox", checkInboxPage(outcome.email));
    if (hasLeft(subscriber)) return leftPage(reply, subscriber, request.params.key);
    // Still on the list (undone already, or never left): nothing to undo.
    return reply.redirect(`/manage/${request.params.key}`, 303);
  });

  /** Stores the rows; undefined when stored, or the rows with the list's problem. */
  async function saveKeywords(subscriber: Subscriber, rows: KeywordRows) {
    try {
      await subscriptions.replaceKeywords(subscriber.id, rows.values);
      return undefined;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { ...rows, listError: refusalHtml(error) };
    }
  }

  async function render(reply: FastifyReply, status: number, state: ManagePageState) {
    const preview = await deps.preview(state.subscriber);
    return sendPage(reply, status, TITLE, managePage({ ...state, preview, unknownChinese }));
  }
}

/** "Mail me a new link": the same answer for every address, so no one learns who subscribes. */
function lostLinkPage(email = "", problem?: InputError): string {
  const error = problem
    ? `<p id="email-error" class="error" role="alert">${refusalHtml(problem)}</p>`
    : "";
  return `<h1>${bi("给我发送管理链接", "Mail me a new manage link")}</h1>
<p>${bi("输入你订阅时用的地址，我们会把管理链接发到那里（一小时内最多一封）。", "Enter the address you subscribed with and we will mail its manage link there (at most one per hour).")}</p>
<form method="post" action="/manage" novalidate>
<label for="email">${bi("邮箱地址", "Email address", " · ")}</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${escapeHtml(email)}"${problem ? ' aria-invalid="true" aria-describedby="email-error"' : ""}>
${error}
<button type="submit" class="primary">${bi("发送链接", "Mail me the link", " ")}</button>
</form>
<p><a href="/">${bi("订阅", "Subscribe", " · ")}</a></p>`;
}
