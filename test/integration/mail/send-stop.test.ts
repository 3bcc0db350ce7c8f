import { loadConfig } from "../../../src/config";
import { createApp } from "../../../src/container";
import { startSmtpSink } from "../../support/smtp-sink";
import { createTestDatabase } from "../../support/databases";
import { subscribeAndFetch } from "../../support/subscribe-and-fetch";

const READERS = Array.from({ length: 10 }, (_, i) => `stop${i}@example.org`);

describe("stopping a send with an AbortSignal", () => {
  it("claims nothing more, records what was in flight, and leaves the rest queued", async () => {
    const stop = new AbortController();
    // The far end holds each reply, and the stop comes while the 3rd message waits for its 250:
    // that message (and any other on the second connection) must still be recorded as sent.
    const sink = await startSmtpSink({
      replyDelayMs: 200,
      onMessage: (n) => n === 3 && stop.abort(),
    });
    const database = createTestDatabase("sqlite");
    const env = { DATABASE_URL: database.url, SMTP_URL: sink.url, SEND_CONNECTIONS: "2" };
    const app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    try {
      await subscribeAndFetch(env, READERS);

      const first = await app.deliverEdition({ signal: stop.signal });
      expect(first).toMatchObject({ stopped: true, failed: 0, retrying: 0, uncertain: 0 });
      expect(first.sent).toBe(sink.recipients.length);
      expect(first.sent).toBeGreaterThanOrEqual(3);
      expect(first.sent).toBeLessThan(READERS.length);
      const counts = await app.deliveries.countByStatus(first.edition.id);
      expect(counts).toEqual({
        queued: READERS.length - first.sent,
        sending: 0,
        sent: first.sent,
        failed: 0,
        uncertain: 0,
      });
      expect((await app.editions.findByDate(first.edition.date))?.status).not.toBe("sent");

      const second = await app.deliverEdition({});
      expect(second).toMatchObject({ stopped: false, sent: READERS.length - first.sent });
      expect([...sink.recipients].sort()).toEqual([...READERS].sort());
      expect((await app.editions.findByDate(first.edition.date))?.status).toBe("sent");
    } finally {
      await app.close();
      await sink.close();
      await database.drop();
    }
  }, 60_000);

  it("sends nothing when the signal is already aborted", async () => {
    const sink = await startSmtpSink();
    const database = createTestDatabase("sqlite");
    const env = { DATABASE_URL: database.url, SMTP_URL: sink.url };
    const app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    try {
      await subscribeAndFetch(env, READERS.slice(0, 1));
      const result = await app.deliverEdition({ signal: AbortSignal.abort() });
      expect(result).toMatchObject({ stopped: true, sent: 0, recipients: 1 });
      expect(sink.recipients).toEqual([]);
    } finally {
      await app.close();
      await sink.close();
      await database.drop();
    }
  }, 60_000);
});
