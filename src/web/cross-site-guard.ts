import type { FastifyRequest } from "fastify";

/**
 * Whether a POST to a page behind a link token (confirm, manage) comes from one of our own pages.
 * Browsers say where a request comes from: `Sec-Fetch-Site` (current browsers), else `Origin`
 * (older ones; our Referrer-Policy "same-origin" keeps it on our own forms, so "null" means a
 * sandboxed or privacy-stripped context elsewhere). A form on another site that posts here is
 * refused; a request with neither header (curl, a script) is allowed, because the token in the
 * URL is the proof of who asks and a browser always sends one of them. We use these headers
 * instead of a form token so the pages need no session or cookie.
 *
 * Not applied to POST /subscribe, which must work from a plain form on another site (double
 * opt-in and rate limits protect it), nor to the one-click unsubscribe URL (RFC 8058: mail
 * clients post there from anywhere).
 */
export function isCrossSite(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = request.headers.origin;
  if (typeof origin !== "string") return false;
  const own = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  return !own.has(origin);
}
