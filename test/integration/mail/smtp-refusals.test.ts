import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../../../src/config";
import { createApp } from "../../../src/container";
import { runCliWith } from "../../support/run-cli";
import { shiftedFeed } from "../../support/shifted-feed";
import { startSmtpSink } from "../../support/smtp-sink";
import { createTestDatabase } from "../../support/databases";
import { makeTempDir } from "../../support/temp-dir";
import { openDatabaseAt } from "../../support/open-test-db";

describe("how the far end's refusals are handled", () => {
  it("4xx is retried later, 5xx is final, and three 5xx in a row mark the address bounced", async () => {
    const sink = await startSmtpSink({
      refuse: { "gone@example.org": 550, "busy@example.org": 451 },
    });
    const database = createTestDatabase("sqlite");
    const dir = makeTempDir();
    const env = { DATABASE_URL: database.url, SMTP_URL: sink.url };
    const app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    const db = await openDatabaseAt(database.url);
    try {
      for (const email of ["ok@example.org", "gone@example.org", "busy@example.org"]) {
        await runCliWith(
          env,
          "subscriber",
          "add",
          email,
          "-k",
          '"diffusion policy"',
          "--confirmed",
        );
      }
      const days = ["Mon, 20 Oct 2025", "Tue, 21 Oct 2025", "Wed, 22 Oct 2025"];
      const results = [];
      for (const [i, day] of days.entries()) {
        const file = path.join(dir, `day${i}.xml`);
        fs.writeFileSync(file, shiftedFeed(day, i + 2));
        results.push(JSON.parse((await runCliWith(env, "run", "--feed-file", file, "--json")).out));
      }
      expect(results[0]).toMatchObject({ sent: 1, failed: 1, retrying: 1 });
      expect(sink.recipients.filter((r) => r === "ok@example.org")).toHaveLength(3);
      expect(sink.recipients).not.toContain("gone@example.org");

      const first = await app.editions.findByDate("2025-10-20");
      const rows = await db.delivery.findMany({
        where: { editionId: first?.id },
        include: { subscriber: true },
        orderBy: { subscriberId: "asc" },
      });
      const byEmail = Object.fromEntries(rows.map((r) => [r.subscriber.email, r]));
      expect(byEmail["gone@example.org"]).toMatchObject({ status: "failed", attempts: 1 });
      expect(byEmail["gone@example.org"]?.lastError).toMatch(/550/);
      expect(byEmail["busy@example.org"]).toMatchObject({ status: "queued", attempts: 1 });
      expect(byEmail["busy@example.org"]?.lastError).toMatch(/451/);
      expect(byEmail["busy@example.org"]?.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
      // A sent digest records each paper it carried (so no later edition mails it again).
      const ok = byEmail["ok@example.org"]!;
      const mailed = await db.mailedPaper.findMany({
        where: { subscriberId: ok.subscriberId, editionId: first?.id },
      });
      expect(ok.paperCount).toBeGreaterThan(0);
      expect(mailed.map((m) => m.arxivId).sort()).toEqual(
        [...new Set(mailed.map((m) => m.arxivId))].sort(),
      );
      expect(mailed).toHaveLength(ok.paperCount);
      expect(mailed.every((m) => /^\d{4}\.\d{4,5}$/.test(m.arxivId))).toBe(true);
      const goneId = byEmail["gone@example.org"]!.subscriberId;
      expect(await db.mailedPaper.count({ where: { subscriberId: goneId } })).toBe(0);

      expect((await app.subscribers.findByEmail("gone@example.org"))?.status).toBe("bounced");
      expect((await app.subscribers.findByEmail("busy@example.org"))?.status).toBe("active");
      const dry = JSON.parse((await runCliWith(env, "send", "--dry-run", "--json")).out);
      expect(dry.plan.map((p: { email: string }) => p.email)).not.toContain("gone@example.org");
    } finally {
      await db.$disconnect();
      await app.close();
      await sink.close();
      await database.drop();
    }
  }, 60_000);
});
