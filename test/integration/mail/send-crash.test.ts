import { openDatabase } from "../../../src/db/create-database";
import { databaseTarget } from "../../../src/db/database-target";
import { runCliWith } from "../../support/run-cli";
import { startSmtpSink, type SmtpSink } from "../../support/smtp-sink";
import { exited, spawnCli } from "../../support/spawn-cli";
import {
  createTestDatabase,
  describeEachDatabase,
  POSTGRES_SERVER,
  type TestDatabase,
} from "../../support/databases";
import { describeNeeding } from "../../support/external-resources";
import { subscribeAndFetch } from "../../support/subscribe-and-fetch";
import { waitFor } from "../../support/wait-for";

const READERS = Array.from(
  { length: 12 },
  (_, i) => `reader${String(i).padStart(2, "0")}@example.org`,
);

/** How many messages each recipient got, over all these sinks. */
function countsPerRecipient(sinks: readonly SmtpSink[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of sinks.flatMap((sink) => sink.recipients)) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

/** Waits until no delivery is claimed under a lease still running, as the next sender sees it. */
async function claimsExpired(databaseUrl: string): Promise<void> {
  const db = await openDatabase(databaseTarget(databaseUrl));
  try {
    await waitFor(
      async () =>
        (await db.delivery.count({
          where: { status: "sending", leaseUntil: { gte: new Date() } },
        })) === 0,
      { what: "the killed sender's claims to expire" },
    );
  } finally {
    await db.$disconnect();
  }
}

describeEachDatabase("exactly once, even when the sender is killed (%s)", (kind) => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it("a send killed mid-run sends again what it had not handed over; only a message whose DATA was sent is uncertain", async () => {
    let child: ReturnType<typeof spawnCli> | undefined;
    // Three connections: readers 0-2 go through, then the far end stalls each of the next three
    // claims. reader03's message arrives whole but is never answered (the one case whose fate the
    // sender cannot know); reader04 and reader05 never get past RCPT TO, so never reach DATA.
    const stuck = await startSmtpSink({
      stall: { afterData: [READERS[3] as string], beforeData: READERS.slice(4, 6) },
    });
    const sink = await startSmtpSink();
    database = createTestDatabase(kind);
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: stuck.url,
      SEND_CONNECTIONS: "3",
      SEND_LEASE_SECONDS: "1",
    };
    try {
      await subscribeAndFetch(env, READERS);
      child = spawnCli(env, "send");
      await waitFor(() => stuck.stalled() === 3, {
        timeoutMs: 120_000,
        what: () => `three stalled transactions (${stuck.stalled()}); ${child?.output()}`,
      });
      child.kill("SIGKILL");
      expect(await exited(child)).toBe("SIGKILL");
      expect([...stuck.recipients].sort()).toEqual(READERS.slice(0, 4));
      await claimsExpired(database.url);

      const resumed = { ...env, SMTP_URL: sink.url };
      const again = await runCliWith(resumed, "send", "--json");
      expect(again.code).toBe(0);
      expect(JSON.parse(again.out)).toMatchObject({
        sent: 8,
        failed: 0,
        uncertain: 1,
        requeued: 2,
      });
      const counts = countsPerRecipient([stuck, sink]);
      expect([...counts.keys()].sort()).toEqual(READERS);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const third = await runCliWith(resumed, "send", "--json");
      expect(JSON.parse(third.out)).toMatchObject({ sent: 0, uncertain: 0, requeued: 0 });
      expect(sink.recipients).toHaveLength(8);

      // The uncertain one did arrive; an operator who wants it sent anyway can say so.
      const forced = await runCliWith(resumed, "send", "--only", READERS[3] as string, "--force");
      expect(forced.code).toBe(0);
      expect(sink.recipients.filter((r) => r === READERS[3])).toHaveLength(1);
      expect((await runCliWith(resumed, "send", "--force")).err).toMatch(/give --only <email>/);
    } finally {
      child?.kill("SIGKILL");
      await Promise.all([stuck.close(), sink.close()]);
    }
  }, 240_000);
});

describeNeeding([POSTGRES_SERVER], "several senders on one postgresql database", () => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it("three send processes split the work and send each delivery exactly once", async () => {
    // Replies wait until five connections are open: only all three senders together have that many.
    const sink = await startSmtpSink({ replyDelayMs: 20, holdUntilConnections: 5 });
    database = createTestDatabase("postgresql");
    const env = { DATABASE_URL: database.url, SMTP_URL: sink.url, SEND_CONNECTIONS: "2" };
    const readers = Array.from({ length: 60 }, (_, i) => `many${i}@example.org`);
    try {
      await subscribeAndFetch(env, readers, "reinforcement learning");
      const senders = [1, 2, 3].map(() => spawnCli(env, "send", "--json"));
      const codes = await Promise.all(senders.map(exited));
      // Each sender's output rides along, so a failure says why.
      expect(senders.map((s, i) => ({ code: codes[i], output: s.output() }))).toEqual(
        senders.map(() => ({ code: 0, output: expect.any(String) })),
      );
      const sentBy = senders.map(
        (s) => (JSON.parse(s.output().slice(s.output().indexOf("{"))) as { sent: number }).sent,
      );
      expect(sentBy.reduce((a, b) => a + b, 0)).toBe(60);
      expect(sentBy.filter((n) => n > 0).length).toBeGreaterThan(1);
      const counts = countsPerRecipient([sink]);
      expect([...counts.keys()].sort()).toEqual([...readers].sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await sink.close();
    }
  }, 90_000);
});
