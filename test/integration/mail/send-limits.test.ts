import { runCliWith } from "../../support/run-cli";
import { startSmtpSink } from "../../support/smtp-sink";
import { createTestDatabase } from "../../support/databases";
import { subscribeAndFetch } from "../../support/subscribe-and-fetch";

const READERS = Array.from({ length: 5 }, (_, i) => `limit${i}@example.org`);

describe("SEND_RATE_PER_HOUR", () => {
  it("stops a run at the hourly limit, counts earlier runs' sends, and keeps the rest queued", async () => {
    const sink = await startSmtpSink();
    const database = createTestDatabase("sqlite");
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: sink.url,
      SEND_RATE_PER_HOUR: "3",
      SEND_CONNECTIONS: "2",
    };
    try {
      await subscribeAndFetch(env, READERS);
      const first = await runCliWith(env, "send", "--json");
      expect(JSON.parse(first.out)).toMatchObject({ sent: 3, stoppedAtHourlyLimit: true });
      expect(sink.recipients).toHaveLength(3);

      const second = await runCliWith(env, "send");
      expect(second.out).toMatch(/sent 0,/);
      expect(second.out).toMatch(/stopped at SEND_RATE_PER_HOUR/);
      expect(sink.recipients).toHaveLength(3);

      const later = await runCliWith({ ...env, SEND_RATE_PER_HOUR: "10" }, "send", "--json");
      expect(JSON.parse(later.out)).toMatchObject({ sent: 2, stoppedAtHourlyLimit: false });
      expect([...sink.recipients].sort()).toEqual(READERS);
    } finally {
      await sink.close();
      await database.drop();
    }
  }, 60_000);
});
