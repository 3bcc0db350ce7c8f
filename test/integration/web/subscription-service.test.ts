import { createSubscriberStore } from "../../../src/db/subscriber-store";
import { createSubscriptionStore } from "../../../src/db/subscription-store";
import { InputError, QuerySyntaxError } from "../../../src/errors";
import type { MailTransport, OutgoingMessage } from "../../../src/transport/mail-transport";
import {
  createSubscriptionService,
  SUBSCRIPTION_POLICY,
  type SubscriptionService,
} from "../../../src/subscribers/subscription-service";
import type { Logger } from "pino";
import { describeEachDatabase } from "../../support/databases";
import { openTestDb } from "../../support/open-test-db";

/** Collects what the service mails; the HTTP and browser tests use a real SMTP server. */
function capturingTransport(): MailTransport & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return { description: "memory", sent, send: async (m) => void sent.push(m), close: () => {} };
}

const HOUR = 3600_000;
const linkIn = (message: OutgoingMessage | undefined) =>
  /https:\/\/digest\.example\.org\/(confirm|manage)\/(\S+)/.exec(message?.text ?? "");

describeEachDatabase("subscription service on %s", (kind) => {
  let close: () => Promise<void>;
  let service: SubscriptionService;
  let transport: ReturnType<typeof capturingTransport>;
  let now: Date;
  let subscribers: ReturnType<typeof createSubscriberStore>;
  /** The service's info lines, as pino would write them: fields and message. */
  const logged: string[] = [];

  beforeAll(async () => {
    const opened = await openTestDb(kind);
    close = opened.close;
    transport = capturingTransport();
    now = new Date("2026-11-26T10:00:00Z");
    subscribers = createSubscriberStore(opened.db, kind);
    service = createSubscriptionService({
      store: createSubscriptionStore(opened.db),
      transport: () => transport,
      mailFrom: "arXiv Digest <digest@example.org>",
      publicUrl: "https://digest.example.org",
      defaultTimeZone: "Asia/Shanghai",
      logger: {
        info: (fields: object, message: string) =>
          logged.push(JSON.stringify({ ...fields, message })),
      } as unknown as Pick<Logger, "info">,
      now: () => now,
    });
  });
  afterAll(() => close());

  it("double opt-in: pending until the link's button is pressed, then active", async () => {
    const outcome = await service.requestSubscription({
      email: "  Ada@Example.ORG ",
      queries: ['"diffusion policy"', "", "robots -survey"],
      language: "zh-TW",
    });
    expect(outcome).toEqual({ email: "ada@example.org" });
    // One line for the mail handed over, naming the subscriber by id: no address, no token.
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] ?? "{}")).toMatchObject({
      subscriber: expect.any(Number),
      mail: "confirmation",
      transport: "memory",
    });
    expect(logged[0]).not.toMatch(/ada@|example\.org|confirm\//i);
    const pending = await subscribers.findByEmail("ada@example.org");
    expect(pending).toMatchObject({ status: "pending", language: "zh-TW" });
    expect(pending?.keywords).toEqual(['"diffusion policy"', "robots -survey"]);
    const mail = transport.sent.at(-1);
    expect(mail?.to).toBe("ada@example.org");
    expect(mail?.subject).toContain("Confirm");
    expect(mail?.text).toContain("訂閱"); // zh-TW wording
    const [, kindOfLink, key] = linkIn(mail) ?? [];
    expect(kindOfLink).toBe("confirm");
    expect(await service.checkConfirmation(key ?? "")).toMatchObject({ status: "valid" });
    expect((await subscribers.findByEmail("ada@example.org"))?.status).toBe("pending");
    const confirmed = await service.confirm(key ?? "");
    expect(confirmed).toMatchObject({ status: "confirmed", subscriber: { status: "active" } });
    // The link works once: a second press is `used` and mints no manage key (the first stays).
    expect(await service.confirm(key ?? "")).toEqual({ status: "used" });
    expect(await service.checkConfirmation(key ?? "")).toEqual({ status: "used" });
    const manageKey = confirmed.status === "confirmed" ? confirmed.manageKey : "";
    expect((await service.subscriberForManageKey(manageKey))?.email).toBe("ada@example.org");
  });

  it("an active address is mailed its manage link, keeps its keywords, one mail an hour", async () => {
    now = new Date(now.getTime() + 2 * HOUR);
    const before = transport.sent.length;
    await service.requestSubscription({ email: "ada@example.org", queries: ["other"] });
    await service.requestSubscription({ email: "ada@example.org", queries: ["third"] });
    expect(transport.sent.length).toBe(before + 1);
    const [, kindOfLink, key] = linkIn(transport.sent.at(-1)) ?? [];
    expect(kindOfLink).toBe("manage");
    expect((await subscribers.findByEmail("ada@example.org"))?.keywords).toEqual([
      '"diffusion policy"',
      "robots -survey",
    ]);
    expect((await service.subscriberForManageKey(key ?? ""))?.email).toBe("ada@example.org");
    now = new Date(now.getTime() + HOUR + 1);
    await service.sendManageLink("ada@example.org");
    // The newer link replaces the older one.
    expect(await service.subscriberForManageKey(key ?? "")).toBeUndefined();
    const [, , fresh] = linkIn(transport.sent.at(-1)) ?? [];
    expect((await service.subscriberForManageKey(fresh ?? ""))?.email).toBe("ada@example.org");
  });

  it("refuses bad input with typed errors and stores nothing", async () => {
    const bad = [
      { email: "x".repeat(250) + "@e.org", queries: ["ok"] },
      { email: "no-at-sign", queries: ["ok"] },
      { email: "new@example.org", queries: Array.from({ length: 21 }, (_, i) => `k${i}`) },
      { email: "new@example.org", queries: ["x".repeat(101)] },
      { email: "new@example.org", queries: [] },
      { email: "new@example.org", queries: ["ok"], language: "en" as "zh-CN" },
      { email: "new@example.org", queries: ["ok"], timeZone: "Mars/Olympus" },
    ];
    for (const request of bad) {
      await expect(service.requestSubscription(request)).rejects.toBeInstanceOf(InputError);
    }
    await expect(
      service.requestSubscription({ email: "new@example.org", queries: ['"open phrase'] }),
    ).rejects.toBeInstanceOf(QuerySyntaxError);
    expect(await subscribers.findByEmail("new@example.org")).toBeNull();
  });

  it("wrong, expired and manage keys do not confirm", async () => {
    await service.requestSubscription({ email: "late@example.org", queries: ["graphs"] });
    const [, , key = ""] = linkIn(transport.sent.at(-1)) ?? [];
    const forged = key.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await service.confirm(forged)).status).toBe("invalid");
    expect((await service.confirm(`m${key}`)).status).toBe("invalid");
    expect((await service.confirm("1.short")).status).toBe("invalid");
    now = new Date(now.getTime() + SUBSCRIPTION_POLICY.confirmLinkMs + 1);
    expect((await service.confirm(key)).status).toBe("expired");
    expect((await subscribers.findByEmail("late@example.org"))?.status).toBe("pending");
  });

  it("requests still pending after 7 days expire; former subscribers go back to unsubscribed", async () => {
    now = new Date(now.getTime() + SUBSCRIPTION_POLICY.pendingMs);
    await service.unsubscribeByEmail("ada@example.org");
    // The request expires the stale ones on its way.
    await service.requestSubscription({ email: "ada@example.org", queries: ["again"] });
    expect(await subscribers.findByEmail("late@example.org")).toBeNull();
    expect((await subscribers.findByEmail("ada@example.org"))?.status).toBe("pending");
    now = new Date(now.getTime() + SUBSCRIPTION_POLICY.pendingMs + 1);
    expect(await service.expirePending()).toBe(1);
    expect((await subscribers.findByEmail("ada@example.org"))?.status).toBe("unsubscribed");
  });

  it("by email: replace the keywords, leave; unknown addresses change nothing", async () => {
    await service.requestSubscription({ email: "mail@example.org", queries: ["a"] });
    const [, , key = ""] = linkIn(transport.sent.at(-1)) ?? [];
    await service.confirm(key);
    expect(await service.replaceKeywordsByEmail("MAIL@example.org", ["b", "c"])).toEqual({
      email: "mail@example.org",
      found: true,
      keywords: ["b", "c"],
    });
    expect((await service.replaceKeywordsByEmail("who@example.org", ["b"])).found).toBe(false);
    expect(await service.unsubscribeByEmail("mail@example.org")).toEqual({
      email: "mail@example.org",
      changed: true,
    });
    expect((await service.unsubscribeByEmail("mail@example.org")).changed).toBe(false);
    expect((await subscribers.findByEmail("mail@example.org"))?.keywords).toEqual(["b", "c"]);
  });

  it("a mail that cannot be sent does not spend the hour's mail", async () => {
    const failing = capturingTransport();
    let fail = true;
    const send = failing.send;
    failing.send = async (m) => {
      if (fail) throw new Error("SMTP down");
      return send(m);
    };
    const original = transport;
    transport = failing;
    await expect(
      service.requestSubscription({ email: "retry@example.org", queries: ["x"] }),
    ).rejects.toThrow("SMTP down");
    fail = false;
    await service.requestSubscription({ email: "retry@example.org", queries: ["x"] });
    expect(failing.sent).toHaveLength(1);
    transport = original;
  });
});
