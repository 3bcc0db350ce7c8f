/**
 * Per-IP request limits of the pages (per-address limits on mail live in the subscription
 * service: one confirmation or link mail per address per hour). Named here, in one place.
 */
const RATE_LIMITS = {
  /** Requests that mail someone (subscribe, "mail me a new link"): shared by both forms. */
  mailRequests: { max: 10, timeWindow: 15 * 60_000, groupId: "mail-requests" },
  /** Pages opened with a link token (confirm, manage, unsubscribe, web view). */
  tokenPages: { max: 60, timeWindow: 60_000, groupId: "token-pages" },
  /** Plain pages (the subscribe form, the lost-link form). */
  pages: { max: 120, timeWindow: 60_000, groupId: "pages" },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** Route options that apply one of the limits. */
export const limited = (name: RateLimitName) => ({ config: { rateLimit: RATE_LIMITS[name] } });

/**
 * Provider webhooks, per sending address: providers post bursts after a large edition (one
 * request per bounce), so this only stops a flood of unsigned requests.
 */
export const WEBHOOK_RATE_LIMIT = { max: 1200, timeWindow: 60_000 } as const;
