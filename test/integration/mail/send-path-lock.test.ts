import { loadConfig } from "../../../src/config";
import { createApp } from "../../../src/container";
import { runCliWith } from "../../support/run-cli";
import { createTestDatabase } from "../../support/databases";
import { EXAMPLE_FEED } from "../../support/temp-dir";
import { openDatabaseAt } from "../../support/open-test-db";
import { waitFor } from "../../support/wait-for";

describe("the send path's own SQLite connection", () => {
  it("waits out a Prisma transaction on the same file instead of failing or blocking", async () => {
    const database = createTestDatabase("sqlite");
    const env = { DATABASE_URL: database.url };
    await runCliWith(env, "subscriber", "add", "lock@example.org", "-k", "diffusion policy");
    await runCliWith(env, "fetch", "--feed-file", EXAMPLE_FEED);
    const app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    const db = await openDatabaseAt(database.url);
    try {
      const edition = (await app.editions.latest())!;
      const subscriber = (await app.subscribers.findByEmail("lock@example.org"))!;
      await app.deliveries.createMissing(edition.id, [subscriber.id]);
      const events: string[] = [];
      let locked = false;
      let claimTried = false;
      // Prisma's connection holds the write lock across an await, in this same thread, until the
      // claim has run into it.
      const holding = db.$transaction(async (tx) => {
        await tx.subscriber.update({ where: { id: subscriber.id }, data: { timeZone: "UTC" } });
        locked = true;
        await waitFor(() => claimTried, { what: "the claim to try the locked database" });
        events.push("transaction committed");
      });
      await waitFor(() => locked, { what: "the Prisma transaction to take the write lock" });
      const claiming = app.deliveries.claimNext({
        editionId: edition.id,
        now: new Date(),
        leaseMs: 60_000,
        linkTokenHash: "a".repeat(64),
      });
      // claimNext makes its first attempt before it returns, and finds the lock taken. A claim
      // that waited for the lock in this thread would never see it let go.
      claimTried = true;
      const claimed = await claiming;
      events.push("claimed");
      await holding;
      expect(claimed).toMatchObject({ subscriberId: subscriber.id, status: "sending" });
      expect(events).toEqual(["transaction committed", "claimed"]);
    } finally {
      await db.$disconnect();
      await app.close();
      await database.drop();
    }
  }, 30_000);
});
