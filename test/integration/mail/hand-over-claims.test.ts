import { loadConfig } from "../../../src/config";
import { createApp, type App } from "../../../src/container";
import type { Claim, Delivery } from "../../../src/mail/delivery";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "../../support/databases";
import { subscribeAndFetch } from "../../support/subscribe-and-fetch";

const LEASE_MS = 60_000;
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);

describeEachDatabase("a claim's hand-over mark decides its fate after a crash (%s)", (kind) => {
  let database: TestDatabase;
  let app: App;
  beforeEach(async () => {
    database = createTestDatabase(kind);
    const env = { DATABASE_URL: database.url };
    await subscribeAndFetch(env, ["fate@example.org"]);
    app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
  });
  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  it("an expired claim never handed over is queued again; one handed over is uncertain", async () => {
    const editionId = (await app.editions.latest())!.id;
    const subscriber = (await app.subscribers.findByEmail("fate@example.org"))!;
    await app.deliveries.createMissing(editionId, [subscriber.id]);
    const start = new Date();
    const claim = (now: Date): Claim => ({
      editionId,
      now,
      leaseMs: LEASE_MS,
      linkTokenHash: "f".repeat(64),
    });
    const first = (await app.deliveries.claimNext(claim(start))) as Delivery;

    // The sender died before the hand-over: the row goes back to the queue, attempts kept.
    const afterFirst = later(start, LEASE_MS + 1);
    expect(await app.deliveries.settleExpiredLeases(editionId, afterFirst)).toEqual({
      uncertain: 0,
      requeued: 1,
    });
    expect(await app.deliveries.countByStatus(editionId)).toMatchObject({ queued: 1 });
    // That sender, had it only been slow, may no longer hand its message over.
    expect(await app.deliveries.markHandedOver(first, afterFirst)).toBe(false);

    const second = (await app.deliveries.claimNext(claim(afterFirst))) as Delivery;
    expect(second).toMatchObject({ id: first.id, attempts: 2 });
    expect(await app.deliveries.markHandedOver(first, afterFirst)).toBe(false);
    expect(await app.deliveries.markHandedOver(second, afterFirst)).toBe(true);

    // This one died after the hand-over: the message may have arrived.
    const afterSecond = later(afterFirst, LEASE_MS + 1);
    expect(await app.deliveries.settleExpiredLeases(editionId, afterSecond)).toEqual({
      uncertain: 1,
      requeued: 0,
    });
    expect(await app.deliveries.countByStatus(editionId)).toMatchObject({
      queued: 0,
      sending: 0,
      uncertain: 1,
    });
  });
});
