import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { StatsStore } from "./service-stats";
import type { RunResult } from "../scheduler/edition-runner";

const PREFIX = "arxiv_digest_";

/** How long the database's counts are reused between scrapes. */
export const DB_GAUGES_MAX_AGE_MS = 5_000;

/**
 * The service's Prometheus metrics. The state of the data (subscribers, editions, deliveries,
 * stored translations) is read from the database (at most once every few seconds), so it is right whichever
 * process did the work; what only this process sees (its scheduler's runs and what they sent and
 * translated) is counted as it happens.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly subscribers = this.gauge("subscribers", "Subscribers by status", ["status"]);
  private readonly deliveries = this.gauge("deliveries", "Digests (deliveries) by status", [
    "status",
  ]);
  private readonly editions = this.gauge("editions", "Stored editions by status", ["status"]);
  private readonly translationsStored = this.gauge(
    "translations_stored",
    "Stored translations (paper version and language), the translation cache",
    ["provider"],
  );
  private readonly lastEdition = this.gauge(
    "last_edition_announced_timestamp_seconds",
    "When arXiv announced the latest stored edition",
    [],
  );
  private readonly runs = new Counter({
    name: `${PREFIX}scheduler_runs_total`,
    help: "Scheduled edition runs by result",
    labelNames: ["result"],
    registers: [this.registry],
  });
  private readonly sent = new Counter({
    name: `${PREFIX}scheduled_messages_total`,
    help: "Digests handled by this process's scheduled runs, by outcome",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  private readonly translated = new Counter({
    name: `${PREFIX}translations_total`,
    help: "Papers needing Chinese in this process's scheduled runs: translated now, cached, failed",
    labelNames: ["result"],
    registers: [this.registry],
  });

  /** When the database's counts were last read (ms), so a scrape storm costs one query a while. */
  private readAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly stats: StatsStore,
    private readonly now: () => number = Date.now,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
  }

  /** Counts one scheduled run (StartScheduler's onResult). */
  recordRun(result: RunResult): void {
    this.runs.inc({ result: result.kind });
    if (result.kind !== "done") return;
    const summary = result.summary;
    for (const outcome of ["sent", "failed", "retrying"] as const) {
      const n = summary[outcome];
      if (typeof n === "number") this.sent.inc({ outcome }, n);
    }
    for (const kind of ["translated", "cached", "failed"] as const) {
      const n = summary[`translation_${kind}`];
      if (typeof n === "number") this.translated.inc({ result: kind }, n);
    }
  }

  /** The metrics in Prometheus text format; the database's counts at most DB_GAUGES_MAX_AGE_MS old. */
  async render(): Promise<string> {
    if (this.now() - this.readAt >= DB_GAUGES_MAX_AGE_MS) {
      this.readAt = this.now();
      await this.readDatabaseGauges();
    }
    return this.registry.metrics();
  }

  private async readDatabaseGauges(): Promise<void> {
    const [counts, latest] = await Promise.all([this.stats.counts(), this.stats.latestEditions(1)]);
    setAll(this.subscribers, counts.subscribers);
    setAll(this.deliveries, counts.deliveries);
    setAll(this.editions, counts.editions);
    this.translationsStored.reset();
    for (const [provider, n] of Object.entries(counts.translations.byProvider)) {
      this.translationsStored.set({ provider }, n);
    }
    const announced = latest[0]?.announcedAt;
    if (announced) this.lastEdition.set(announced.getTime() / 1000);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private gauge(name: string, help: string, labelNames: string[]) {
    return new Gauge({ name: `${PREFIX}${name}`, help, labelNames, registers: [this.registry] });
  }
}

function setAll(gauge: Gauge, counts: Record<string, number>): void {
  for (const [status, n] of Object.entries(counts)) gauge.set({ status }, n);
}
