import { ON_THE_LIST, type Subscriber, type ChineseVariant } from "./subscriber";
import type { SubscriptionStore } from "./subscription";
import type { Logger } from "pino";
import type { MailTransport } from "../transport/mail-transport";
import { normalizeEmail } from "../transport/email-address";
import { createLinkToken, linkTokenMatches } from "./link-token";
import { confirmUrl, manageKey, manageUrl, parseLinkKey } from "./subscriber-links";
import { checkKeywords, checkLanguage, checkTimeZone } from "./subscriber-settings";
import { confirmationMail, manageLinkMail } from "./subscription-mails";

/** The limits of the subscription lifecycle, in one place. */
export const SUBSCRIPTION_POLICY = {
  /** A confirmation link works this long after it was mailed. */
  confirmLinkMs: 48 * 3600_000,
  /** A request not confirmed within this long expires (see SubscriptionStore.expirePending). */
  pendingMs: 7 * 24 * 3600_000,
  /** At most one confirmation or manage-link mail per address in this long. */
  linkMailIntervalMs: 3600_000,
} as const;

export interface SubscriptionServiceDeps {
  store: SubscriptionStore;
  /** Opened on first mail only. */
  transport: () => MailTransport;
  mailFrom: string;
  publicUrl: string;
  /** For requests that name none. */
  defaultTimeZone: string;
  /** One line per link mail handed over: which kind, to which subscriber id, by which transport. */
  logger: Pick<Logger, "info">;
  now?: () => Date;
}

export interface SubscriptionRequest {
  email: string;
  /** One keyword query each (docs/query-syntax.md); blank entries are ignored. */
  queries: readonly string[];
  language?: ChineseVariant;
  timeZone?: string;
}

/**
 * What a request to subscribe or for a link tells the asker: only the normalised address. It is
 * the same whether the address was new, pending, subscribed or throttled, so no one learns from
 * it who subscribes.
 */
export interface RequestOutcome {
  email: string;
}

/** `used`: the link was pressed before (it works once); the address is subscribed. */
export type ConfirmOutcome =
  | { status: "confirmed"; subscriber: Subscriber; manageKey: string }
  | { status: "valid"; subscriber: Subscriber }
  | { status: "invalid" | "expired" | "used" };

/** The subscription lifecycle, shared by the web pages and subscribe-by-mail. */
export type SubscriptionService = ReturnType<typeof createSubscriptionService>;

/** Builds the service; nothing is read from the environment here. */
export function createSubscriptionService(deps: SubscriptionServiceDeps) {
  const { store } = deps;
  const clock = deps.now ?? (() => new Date());
  const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

  /** Mails a confirmation link (pending) or a manage link (subscribed), one per hour at most. */
  async function mailLink(subscriber: Subscriber, now: Date): Promise<void> {
    const pending = subscriber.status === "pending";
    if (!pending && subscriber.status !== "active" && subscriber.status !== "paused") return;
    const notSince = ago(now, SUBSCRIPTION_POLICY.linkMailIntervalMs);
    if (!(await store.claimLinkMail(subscriber.id, now, notSince))) return;
    const { token, hash } = createLinkToken();
    const input = {
      from: deps.mailFrom,
      to: subscriber.email,
      language: subscriber.language,
      keywords: subscriber.keywords,
    };
    let message;
    if (pending) {
      const expiresAt = new Date(now.getTime() + SUBSCRIPTION_POLICY.confirmLinkMs);
      await store.setConfirmToken(subscriber.id, hash, expiresAt);
      message = confirmationMail({
        ...input,
        url: confirmUrl(deps.publicUrl, subscriber.id, token),
      });
    } else {
      await store.setManageToken(subscriber.id, hash);
      message = manageLinkMail({ ...input, url: manageUrl(deps.publicUrl, subscriber.id, token) });
    }
    const transport = deps.transport();
    try {
      await transport.send(message);
    } catch (error) {
      // Not mailed: the hour's mail is not spent, so asking again works at once.
      await store.releaseLinkMail(subscriber.id);
      throw error;
    }
    // Like the digests' lines: the subscriber's id, never the address or the link's token.
    const kind = pending ? "confirmation" : "manage link";
    deps.logger.info(
      { subscriber: subscriber.id, mail: kind, transport: transport.description },
      `${kind} mail handed to ${transport.description}`,
    );
  }

  /** A confirmation key checked against the stored hash and its expiry; changes nothing. */
  async function checkConfirmation(key: string, now: Date): Promise<ConfirmOutcome> {
    const parsed = parseLinkKey(key);
    if (!parsed || parsed.manage) return { status: "invalid" };
    const found = await store.findWithTokens(parsed.id);
    if (!found || !linkTokenMatches(parsed.token, found.confirmTokenHash)) {
      return { status: "invalid" };
    }
    const { status } = found.subscriber;
    if (status === "active" || status === "paused") return { status: "used" };
    if (status === "unsubscribed" || status === "bounced") return { status: "invalid" };
    if (!found.confirmTokenExpiresAt || found.confirmTokenExpiresAt < now) {
      return { status: "expired" };
    }
    return { status: "valid", subscriber: found.subscriber };
  }

  /** The delivery a digest link names, when its token matches. */
  async function linkedDelivery(deliveryId: number, token: string) {
    const delivery = await store.findDeliveryForLink(deliveryId);
    return delivery && linkTokenMatches(token, delivery.linkTokenHash) ? delivery : undefined;
  }

  /** Replaces the subscriber's manage token; returns the key of the new manage link. */
  async function newManageKey(subscriberId: number): Promise<string> {
    const { token, hash } = createLinkToken();
    await store.setManageToken(subscriberId, hash);
    return manageKey(subscriberId, token);
  }

  /**
   * Starts double opt-in. Validates everything first (InputError, QuerySyntaxError; nothing
   * stored on error). A new, pending or former subscriber becomes pending with these keywords
   * and is mailed a confirmation link; an active or paused one keeps everything and is mailed
   * its manage link instead. One such mail per address per hour; the outcome never says which.
   */
  async function requestSubscription(request: SubscriptionRequest): Promise<RequestOutcome> {
    const email = normalizeEmail(request.email);
    const keywords = checkKeywords(request.queries);
    const language = checkLanguage(request.language ?? "zh-CN");
    const timeZone = checkTimeZone(request.timeZone ?? deps.defaultTimeZone);
    const now = clock();
    await store.expirePending(ago(now, SUBSCRIPTION_POLICY.pendingMs));
    const existing = (await store.findWithTokensByEmail(email))?.subscriber;
    const subscribed = existing?.status === "active" || existing?.status === "paused";
    const subscriber =
      existing && subscribed
        ? existing
        : await store.savePending({ email, keywords, language, timeZone, now });
    await mailLink(subscriber, now);
    return { email };
  }

  return {
    requestSubscription,

    /**
     * Undo after leaving: the address asks to come back with the keywords and settings it had.
     * This is a new double opt-in (a confirmation link mailed to the address), never a direct
     * return to active: the proof at hand is a digest or manage link, which lives in old mails,
     * forwarded copies and link scanners, and an old link must not bring an address back
     * (issue 15, finding 4). Only the mailbox's owner can press the confirmation. Undefined when
     * the subscriber has not left by unsubscribing (a bounced address stays stopped).
     */
    async resubscribe(subscriberId: number): Promise<RequestOutcome | undefined> {
      const found = (await store.findWithTokens(subscriberId))?.subscriber;
      if (found?.status !== "unsubscribed") return undefined;
      const { email, keywords, language, timeZone } = found;
      return requestSubscription({ email, queries: keywords, language, timeZone });
    },

    /** What the confirmation page shows before its button is pressed (a GET changes nothing). */
    checkConfirmation: (key: string) => checkConfirmation(key, clock()),

    /**
     * The button on the confirmation page: the request becomes a subscription. The link works
     * once: the pending → active step is a conditional update, so only the first press (even of
     * two at once) gets the fresh manage key the page links to; later ones are `used`.
     */
    async confirm(key: string): Promise<ConfirmOutcome> {
      const now = clock();
      const checked = await checkConfirmation(key, now);
      if (checked.status !== "valid") return checked;
      if (!(await store.activate(checked.subscriber.id, now))) return { status: "used" };
      const subscriber = (await store.findWithTokens(checked.subscriber.id))?.subscriber;
      if (!subscriber) return { status: "invalid" };
      return { status: "confirmed", subscriber, manageKey: await newManageKey(subscriber.id) };
    },

    /** "Mail me a new link": a subscribed (or pending) address gets one; the outcome is the same. */
    async sendManageLink(rawEmail: string): Promise<RequestOutcome> {
      const email = normalizeEmail(rawEmail);
      const now = clock();
      await store.expirePending(ago(now, SUBSCRIPTION_POLICY.pendingMs));
      const found = await store.findWithTokensByEmail(email);
      if (found) await mailLink(found.subscriber, now);
      return { email };
    },

    /**
     * The subscriber a manage key opens: a digest's `<delivery>.<token>` or a mailed
     * `m<subscriber>.<token>`. Undefined for a wrong or replaced token.
     */
    async subscriberForManageKey(key: string): Promise<Subscriber | undefined> {
      const parsed = parseLinkKey(key);
      if (!parsed) return undefined;
      if (parsed.manage) {
        const found = await store.findWithTokens(parsed.id);
        return found && linkTokenMatches(parsed.token, found.manageTokenHash)
          ? found.subscriber
          : undefined;
      }
      return (await linkedDelivery(parsed.id, parsed.token))?.subscriber;
    },

    /**
     * The digest a web-view link names (`<delivery>.<token>`), with its subscriber; undefined
     * for a wrong token or a delivery that does not exist.
     */
    async deliveryForLink(
      key: string,
    ): Promise<
      { deliveryId: number; token: string; editionDate: string; subscriber: Subscriber } | undefined
    > {
      const parsed = parseLinkKey(key);
      if (!parsed || parsed.manage) return undefined;
      const delivery = await linkedDelivery(parsed.id, parsed.token);
      if (!delivery) return undefined;
      return {
        deliveryId: parsed.id,
        token: parsed.token,
        editionDate: delivery.editionDate,
        subscriber: delivery.subscriber,
      };
    },

    /** Replaces the keyword list, in the order given (throws on any bad query, storing nothing). */
    async replaceKeywords(subscriberId: number, queries: readonly string[]): Promise<Subscriber> {
      return store.replaceKeywords(subscriberId, checkKeywords(queries));
    },

    /** Changes the Chinese variant and/or the time zone (validated first). */
    async updateSettings(
      subscriberId: number,
      settings: { language?: string; timeZone?: string },
    ): Promise<Subscriber> {
      return store.updateSettings(subscriberId, {
        ...(settings.language !== undefined ? { language: checkLanguage(settings.language) } : {}),
        ...(settings.timeZone !== undefined ? { timeZone: checkTimeZone(settings.timeZone) } : {}),
      });
    },

    /** No digests until resumed; false when the subscriber was not active. */
    pause: (subscriberId: number) => store.changeStatus(subscriberId, ["active"], "paused"),

    /**
     * Digests again after a pause; false otherwise. Not after leaving: an old link must not bring
     * an address back without a new double opt-in (subscribe again).
     */
    resume: (subscriberId: number) => store.changeStatus(subscriberId, ["paused"], "active"),

    /** Leaves (or withdraws a request); false when already gone. */
    unsubscribe: (subscriberId: number) =>
      store.changeStatus(subscriberId, ON_THE_LIST, "unsubscribed"),

    /** Leaving by mail (subject "unsubscribe"): false when the address was not subscribed. */
    async unsubscribeByEmail(rawEmail: string): Promise<{ email: string; changed: boolean }> {
      const email = normalizeEmail(rawEmail);
      const found = await store.findWithTokensByEmail(email);
      const changed = found
        ? await store.changeStatus(found.subscriber.id, ON_THE_LIST, "unsubscribed")
        : false;
      return { email, changed };
    },

    /**
     * Replacing the keywords by mail (subject "keywords"). Throws on a bad query before anything
     * is read or stored; `found` is false when the address has no subscription to change.
     */
    async replaceKeywordsByEmail(
      rawEmail: string,
      queries: readonly string[],
    ): Promise<{ email: string; found: boolean; keywords: string[] }> {
      const email = normalizeEmail(rawEmail);
      const keywords = checkKeywords(queries);
      const found = (await store.findWithTokensByEmail(email))?.subscriber;
      if (!found || !ON_THE_LIST.includes(found.status)) {
        return { email, found: false, keywords };
      }
      await store.replaceKeywords(found.id, keywords);
      return { email, found: true, keywords };
    },

    /** Removes requests older than 7 days (also done on the way by every request). */
    expirePending: () => store.expirePending(ago(clock(), SUBSCRIPTION_POLICY.pendingMs)),
  };
}
