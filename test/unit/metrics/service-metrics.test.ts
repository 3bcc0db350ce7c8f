import type { StatsStore } from "../../../src/metrics/service-stats";
import { DB_GAUGES_MAX_AGE_MS, ServiceMetrics } from "../../../src/metrics/service-metrics";

const stats: StatsStore = {
  counts: async () => ({
    subscribers: { pending: 1, active: 7, paused: 0, unsubscribed: 2, bounced: 0 },
    deliveries: { queued: 0, sending: 0, sent: 12, failed: 1, uncertain: 0 },
    editions: { ingested: 0, prepared: 0, sent: 2 },
    translations: { stored: 40, byProvider: { openai: 39, deepl: 1 } },
  }),
  latestEditions: async () => [
    {
      date: "2025-10-17",
      status: "sent",
      announcedAt: new Date("2025-10-17T00:00:00Z"),
      papers: 34,
      deliveries: { queued: 0, sending: 0, sent: 7, failed: 0, uncertain: 0 },
      feedback: { hard: 0, soft: 0, complaint: 0 },
    },
  ],
  deliveriesOf: async () => [],
};

describe("ServiceMetrics", () => {
  it("renders the database's counts as gauges, read at each scrape", async () => {
    const text = await new ServiceMetrics(stats).render();
    expect(text).toMatch(/^arxiv_digest_subscribers\{status="active"\} 7$/m);
    expect(text).toMatch(/^arxiv_digest_deliveries\{status="failed"\} 1$/m);
    expect(text).toMatch(/^arxiv_digest_editions\{status="sent"\} 2$/m);
    expect(text).toMatch(/^arxiv_digest_translations_stored\{provider="openai"\} 39$/m);
    expect(text).toMatch(/^arxiv_digest_last_edition_announced_timestamp_seconds 1760659200$/m);
  });

  it("counts this process's scheduled runs, the digests they handled and their translations", async () => {
    const metrics = new ServiceMetrics(stats);
    metrics.recordRun({
      kind: "done",
      editionDate: "2025-10-17",
      summary: {
        sent: 5,
        failed: 1,
        retrying: 0,
        translation_translated: 8,
        translation_cached: 3,
      },
    });
    metrics.recordRun({ kind: "no-announcement", reason: "holiday" });
    const text = await metrics.render();
    expect(text).toMatch(/^arxiv_digest_scheduler_runs_total\{result="done"\} 1$/m);
    expect(text).toMatch(/^arxiv_digest_scheduler_runs_total\{result="no-announcement"\} 1$/m);
    expect(text).toMatch(/^arxiv_digest_scheduled_messages_total\{outcome="sent"\} 5$/m);
    expect(text).toMatch(/^arxiv_digest_translations_total\{result="cached"\} 3$/m);
    expect(text).toMatch(/^arxiv_digest_translations_total\{result="translated"\} 8$/m);
  });

  it("reads the database at most once every few seconds, however often it is scraped", async () => {
    let reads = 0;
    let now = 0;
    const counting: StatsStore = { ...stats, counts: () => ((reads += 1), stats.counts()) };
    const metrics = new ServiceMetrics(counting, () => now);
    for (let i = 0; i < 50; i += 1) await metrics.render();
    expect(reads).toBe(1);
    now = DB_GAUGES_MAX_AGE_MS;
    await metrics.render();
    expect(reads).toBe(2);
  });
});
