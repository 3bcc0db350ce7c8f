import { isIP } from "node:net";
import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * Per-client request budgets, counted across routes. @fastify/rate-limit gives every route a
 * store of its own (`store.child()`), so a `groupId` shared by two routes still counted each
 * route apart: 10 subscribe requests and then 10 lost-link requests all passed. The store below
 * is one count per key for the whole server, so routes that share a group share its budget.
 */

/** Longest list of clients remembered; the oldest are forgotten first. */
const MAX_CLIENTS = 10_000;

interface Window {
  count: number;
  startedAt: number;
}

/** Fixed-window counts by key, bounded in size. */
export class ClientCounts {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request of `key`; returns the count in the current window and its ms left. */
  hit(key: string, windowMs: number): { count: number; msLeft: number } {
    const window = this.current(key, windowMs) ?? { count: 0, startedAt: this.now() };
    window.count += 1;
    this.windows.delete(key);
    this.windows.set(key, window);
    if (this.windows.size > MAX_CLIENTS)
      this.windows.delete(this.windows.keys().next().value ?? "");
    return { count: window.count, msLeft: window.startedAt + windowMs - this.now() };
  }

  /** The count of `key` in the current window, counting nothing. */
  count(key: string, windowMs: number): number {
    return this.current(key, windowMs)?.count ?? 0;
  }

  private current(key: string, windowMs: number): Window | undefined {
    const window = this.windows.get(key);
    return window && window.startedAt + windowMs > this.now() ? window : undefined;
  }
}

/** The store interface @fastify/rate-limit calls, over one ClientCounts for every route. */
export function sharedStore(counts: ClientCounts) {
  type Done = (error: Error | null, result?: { current: number; ttl: number }) => void;
  return class SharedStore {
    incr(key: string, done: Done, windowMs: number) {
      const { count, msLeft } = counts.hit(key, windowMs);
      done(null, { current: count, ttl: msLeft });
    }
    child() {
      return this;
    }
  };
}

/**
 * Who a request comes from: the address fastify settled on (X-Forwarded-For only from the
 * proxies TRUST_PROXY names), or the socket's when that is not an IP address at all.
 */
export function clientKey(request: FastifyRequest): string {
  return isIP(request.ip) ? request.ip : (request.socket.remoteAddress ?? "unknown");
}

/** Wrong link keys one client may try, across every page with a key, in a window. */
export const LINK_GUESSES = { max: 20, windowMs: 15 * 60_000 } as const;

/**
 * Limits guessing link keys across routes: every answer "this link is not valid" (404 on a
 * route with a `:key`) counts against the client, and past the budget every key route answers
 * 429 until the window ends, right keys included.
 */
export function limitLinkGuesses(scope: FastifyInstance, counts: ClientCounts): void {
  const keyRoute = (request: FastifyRequest) => request.routeOptions.url?.includes(":key") === true;
  const guessKey = (request: FastifyRequest) => `link-guesses:${clientKey(request)}`;
  scope.addHook("preHandler", async (request) => {
    if (!keyRoute(request)) return;
    if (counts.count(guessKey(request), LINK_GUESSES.windowMs) >= LINK_GUESSES.max) {
      throw Object.assign(new Error("too many wrong links"), { statusCode: 429 });
    }
  });
  scope.addHook("onResponse", async (request, reply) => {
    if (keyRoute(request) && reply.statusCode === 404)
      counts.hit(guessKey(request), LINK_GUESSES.windowMs);
  });
}
