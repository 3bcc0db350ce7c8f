import { allPages } from "../../../src/subscribers/subscriber";
import { loadConfig } from "../../../src/config";
import { createApp, type App } from "../../../src/container";
import type { FastifyInstance } from "fastify";
import { createServer } from "../../../src/web/create-server";
import { BOUNCE_SENDER_ENV } from "../../support/bounce-fixtures";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { startFeedServer } from "../../support/feed-server";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { subscribeAndFetch } from "../../support/subscribe-and-fetch";
import {
  basicAuth,
  mailgunEventData,
  mailgunSignature,
  postmarkBounce,
  postmarkDelivery,
  postmarkSpamComplaint,
  SES_TOPIC,
  sesNotification,
  signSns,
  SNS_TEST_CERTIFICATE,
  snsNotification,
  snsSubscriptionConfirmation,
} from "../../support/webhook-requests";

jest.setTimeout(60_000);

const POSTMARK_PASSWORD = "a-postmark-webhook-password";
const MAILGUN_KEY = "key-mailgun-webhook-signing-key-for-tests";

describeEachDatabase("provider webhooks for bounces and complaints (%s)", (kind) => {
  let sink: SmtpSink;
  let database: TestDatabase;
  let app: App;
  let server: FastifyInstance;
  let sns: Awaited<ReturnType<typeof startFeedServer>>;
  let base: string;
  const readers = Array.from({ length: 8 }, (_, i) => `reader${i}@example.net`);
  /** Each reader's digest as it left: its envelope sender (VERP) and Message-ID. */
  const sent = new Map<string, { verp: string; messageId: string }>();

  /** What the webhooks may change: statuses, bounce counts, suppressions, recorded reports. */
  const state = async () => ({
    subscribers: (await allPages(app.subscribers.pages())).map((s) => [
      s.email,
      s.status,
      s.hardBounces,
    ]),
    suppressed: (await app.suppressions.list()).map((s) => [s.email, s.reason]),
    feedback: (await app.stats.latestEditions(1))[0]?.feedback,
  });
  const statusOf = async (email: string) => (await app.subscribers.findByEmail(email))?.status;
  const post = (provider: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/webhooks/${provider}`, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    });
  const resultsOf = async (response: Response) => {
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: { outcome: string }[] }).results.map(
      (r) => r.outcome,
    );
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    database = createTestDatabase(kind);
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: sink.url,
      ...BOUNCE_SENDER_ENV,
      POSTMARK_WEBHOOK_PASSWORD: POSTMARK_PASSWORD,
      MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_KEY,
      SES_WEBHOOK_TOPIC_ARN: SES_TOPIC,
      LOG_LEVEL: "silent",
    };
    await subscribeAndFetch(env, readers);
    expect((await runCliWith(env, "send")).code).toBe(0);
    sink.recipients.forEach((recipient, i) => {
      sent.set(recipient, {
        verp: sink.senders[i] ?? "",
        messageId: sink.messages[i]?.messageId ?? "",
      });
    });
    // Amazon SNS, as far as the tests need it: the signing certificate and the confirmation link.
    sns = await startFeedServer((request) =>
      request.path.endsWith(".pem")
        ? { status: 200, body: SNS_TEST_CERTIFICATE }
        : { status: 200, body: "<ConfirmSubscriptionResponse/>" },
    );
    const snsOrigin = new URL(sns.url).origin;
    app = await createApp(loadConfig(env));
    server = createServer(app.pages, {
      trustProxy: [],
      webhooks: {
        ...app.webhooks,
        // The real fetcher's URL, served from 127.0.0.1 instead of sns.<region>.amazonaws.com.
        snsFetcher: async (url) => {
          const response = await fetch(`${snsOrigin}${url.pathname}${url.search}`);
          return response.text();
        },
      },
    });
    base = await server.listen({ port: 0, host: "127.0.0.1" });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await sns?.close();
    await sink?.close();
    await database?.drop();
  });

  describe("Postmark", () => {
    const auth = { authorization: basicAuth("postmark", POSTMARK_PASSWORD) };

    it("refuses a request without or with wrong credentials, changing nothing", async () => {
      const before = await state();
      const bounce = postmarkBounce(readers[0] ?? "", 1001);
      const none = await post("postmark", bounce);
      expect(none.status).toBe(401);
      const wrong = await post("postmark", bounce, {
        authorization: basicAuth("postmark", "not-the-password"),
      });
      expect(wrong.status).toBe(403);
      expect(await state()).toEqual(before);
    });

    it("counts a hard bounce once, and unsubscribes and suppresses on a spam complaint", async () => {
      const bounce = postmarkBounce(readers[0] ?? "", 1001);
      expect(await resultsOf(await post("postmark", bounce, auth))).toEqual([
        "hard-bounce-counted",
      ]);
      expect(await resultsOf(await post("postmark", bounce, auth))).toEqual(["already-handled"]);
      expect((await app.subscribers.findByEmail(readers[0] ?? ""))?.hardBounces).toBe(1);

      const complaint = postmarkSpamComplaint(readers[1] ?? "", 1002);
      expect(await resultsOf(await post("postmark", complaint, auth))).toEqual([
        "unsubscribed-and-suppressed",
      ]);
      expect(await statusOf(readers[1] ?? "")).toBe("unsubscribed");
      expect(await app.suppressions.find(readers[1] ?? "")).toMatchObject({ reason: "complaint" });
    });

    it("answers 200 to events it does not act on, and to addresses that are not ours", async () => {
      const before = await state();
      const delivered = await post("postmark", postmarkDelivery(readers[2] ?? ""), auth);
      expect(delivered.status).toBe(200);
      expect(await delivered.json()).toEqual({ ignored: "Postmark Delivery" });
      const stranger = postmarkBounce("stranger@example.com", 1003);
      expect(await resultsOf(await post("postmark", stranger, auth))).toEqual(["unknown-address"]);
      expect(await state()).toEqual(before);
    });
  });

  describe("Mailgun", () => {
    const failed = (recipient: string, id: string) => {
      const digest = sent.get(recipient);
      return mailgunEventData({
        event: "failed",
        severity: "permanent",
        id,
        recipient,
        sender: digest?.verp,
        messageId: digest?.messageId.replace(/^<|>$/g, ""),
      });
    };

    /** An event as Mailgun posts it: signed afresh, unless a signature is given. */
    const postMailgun = (eventData: unknown, signature = mailgunSignature(MAILGUN_KEY)) =>
      post("mailgun", { signature, "event-data": eventData });

    it("refuses missing, wrong, stale and replayed signatures, changing nothing", async () => {
      const eventData = failed(readers[2] ?? "", "mg-event-1");
      const good = mailgunSignature(MAILGUN_KEY);
      expect(await resultsOf(await postMailgun(eventData, good))).toEqual(["hard-bounce-counted"]);
      const before = await state();

      const missing = await post("mailgun", { "event-data": eventData });
      expect(missing.status).toBe(401);
      const wrong = await postMailgun(eventData, mailgunSignature("some-other-key"));
      expect(wrong.status).toBe(403);
      const stale = mailgunSignature(MAILGUN_KEY, Math.floor(Date.now() / 1000) - 6 * 60);
      const late = await postMailgun(eventData, stale);
      expect(late.status).toBe(403);
      expect(await late.json()).toEqual({ error: expect.stringMatching(/^stale/) });
      // The very request again, and another event under its signature: a replay both times.
      const other = failed(readers[3] ?? "", "mg-event-2");
      for (const data of [eventData, other]) {
        const replayed = await postMailgun(data, good);
        expect(replayed.status).toBe(403);
        expect(await replayed.json()).toEqual({ error: "replayed token" });
      }
      expect(await state()).toEqual(before);
    });

    it("applies an event once, a complaint at once, and ignores a delivery", async () => {
      const eventData = failed(readers[2] ?? "", "mg-event-1");
      // Mailgun posts the event again, with a fresh signature: already handled.
      expect(await resultsOf(await postMailgun(eventData))).toEqual(["already-handled"]);
      expect((await app.subscribers.findByEmail(readers[2] ?? ""))?.hardBounces).toBe(1);

      const complained = mailgunEventData({
        event: "complained",
        id: "mg-event-3",
        recipient: readers[3] ?? "",
      });
      expect(await resultsOf(await postMailgun(complained))).toEqual([
        "unsubscribed-and-suppressed",
      ]);
      expect(await statusOf(readers[3] ?? "")).toBe("unsubscribed");

      const delivered = mailgunEventData({
        event: "delivered",
        id: "mg-event-4",
        recipient: readers[4] ?? "",
      });
      const ignored = await postMailgun(delivered);
      expect(ignored.status).toBe(200);
      expect(await ignored.json()).toEqual({ ignored: "Mailgun delivered" });
    });
  });

  describe("Amazon SES through SNS", () => {
    const sns200 = (fields: Record<string, string>) =>
      post("ses", JSON.stringify(fields), {
        "content-type": "text/plain; charset=UTF-8",
        "x-amz-sns-message-type": fields.Type ?? "",
      });
    const bounceOf = (reader: string) => {
      const digest = sent.get(reader);
      return sesNotification("Bounce", [reader], {
        source: digest?.verp ?? "",
        messageId: digest?.messageId ?? "",
      });
    };

    it("confirms its subscription through SNS's own link", async () => {
      const confirmation = signSns(snsSubscriptionConfirmation());
      const response = await sns200(confirmation);
      expect(response.status).toBe(200);
      const asked = sns.seen.map((r) => r.path);
      expect(asked.filter((p) => p.includes("Action=ConfirmSubscription"))).toEqual([
        new URL(confirmation.SubscribeURL ?? "").pathname +
          new URL(confirmation.SubscribeURL ?? "").search,
      ]);
    });

    it("acts on a signed bounce (SHA-1) and complaint (SHA-256), fetching the certificate once", async () => {
      const bounce = signSns(snsNotification(bounceOf(readers[4] ?? "")));
      expect(await resultsOf(await sns200(bounce))).toEqual(["hard-bounce-counted"]);
      expect(await resultsOf(await sns200(bounce))).toEqual(["already-handled"]);

      const complaint = sesNotification("Complaint", [readers[5] ?? ""], {
        source: "digest@digest.example.org",
        messageId: "<elsewhere@example.com>",
      });
      const signed = signSns(snsNotification(complaint, { SignatureVersion: "2" }));
      expect(await resultsOf(await sns200(signed))).toEqual(["unsubscribed-and-suppressed"]);
      expect(await statusOf(readers[5] ?? "")).toBe("unsubscribed");
      expect(sns.seen.filter((r) => r.path.endsWith(".pem"))).toHaveLength(1);
    });

    it("takes a message past the pages' 16 KB body limit, and answers 413 past its own 256 KB", async () => {
      const notification = bounceOf(readers[6] ?? "");
      notification.mail.headers.push({ name: "X-Padding", value: "x".repeat(40_000) });
      const large = signSns(snsNotification(notification, { SignatureVersion: "2" }));
      expect(await resultsOf(await sns200(large))).toEqual(["hard-bounce-counted"]);
      const huge = await sns200({ ...large, Message: "x".repeat(300 * 1024) });
      expect(huge.status).toBe(413);
      expect(await huge.json()).toEqual({ error: expect.stringContaining("too large") });
    });

    it("refuses wrong signatures, foreign topics and certificates off SNS's hosts, changing nothing", async () => {
      const before = await state();
      const seenBefore = sns.seen.length;
      const message = snsNotification(bounceOf(readers[6] ?? ""));
      const signed = signSns(message);
      const refusals = [
        // Signed, then changed.
        { ...signed, Message: signed.Message?.replace(readers[6] ?? "", readers[7] ?? "") ?? "" },
        // Signed with a certificate URL elsewhere, or not over https.
        signSns({
          ...message,
          SigningCertURL: "https://evil.example.com/SimpleNotificationService.pem",
        }),
        signSns({
          ...message,
          SigningCertURL: "https://sns.us-east-1.amazonaws.com.evil.example.com/c.pem",
        }),
        signSns({
          ...message,
          SigningCertURL: message.SigningCertURL?.replace("https:", "http:") ?? "",
        }),
        // Signed by SNS, but for someone else's topic.
        signSns({ ...message, TopicArn: "arn:aws:sns:us-east-1:999999999999:not-ours" }),
      ];
      for (const fields of refusals) expect((await sns200(fields)).status).toBe(403);
      const unsigned = { ...signed };
      delete unsigned.Signature;
      expect((await sns200(unsigned)).status).toBe(401);
      expect(await state()).toEqual(before);
      expect(sns.seen.length).toBe(seenBefore);
    });
  });

  it("counts every report acted on in its edition's bounce and complaint figures", async () => {
    // Hard: readers 0 (Postmark), 2 (Mailgun), 4 and 6 (SES); complaints: readers 1, 3 and 5.
    expect((await state()).feedback).toEqual({ hard: 4, soft: 0, complaint: 3 });
    expect((await app.suppressions.list()).map((s) => s.email).sort()).toEqual(
      [readers[1], readers[3], readers[5]].sort(),
    );
  });

  it("serves no webhook that is not configured (404, as any unknown URL)", async () => {
    const bare = createServer(app.pages, {
      trustProxy: [],
      webhooks: { ...app.webhooks, settings: {} },
    });
    const bareBase = await bare.listen({ port: 0, host: "127.0.0.1" });
    try {
      for (const provider of ["postmark", "mailgun", "ses"]) {
        const response = await fetch(`${bareBase}/webhooks/${provider}`, {
          method: "POST",
          body: "{}",
          headers: { "content-type": "application/json" },
        });
        expect(response.status).toBe(404);
      }
    } finally {
      await bare.close();
    }
  });
});
