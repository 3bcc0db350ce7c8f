import fs from "node:fs";
import path from "node:path";
import type pino from "pino";
import type { EditionStore } from "./arxiv/edition";
import { FeedFetcher } from "./arxiv/feed-fetcher";
import type { FeedStateStore } from "./arxiv/feed-state";
import { fetchEdition, type FetchOptions } from "./arxiv/fetch-edition";
import type { IngestResult } from "./arxiv/ingest-edition";
import type { Config } from "./config";
import { openDatabase, pingDatabase } from "./db/create-database";
import { databaseTarget } from "./db/database-target";
import { createDeliveryStore } from "./db/delivery-store";
import { createEditionStore } from "./db/edition-store";
import { createFeedbackStore } from "./db/feedback-store";
import { createFeedStateStore } from "./db/feed-state-store";
import { migrateDatabase } from "./db/migrate-database";
import { createRunLockStore } from "./db/run-lock-store";
import { createStatsStore } from "./db/stats-store";
import { createSubscriberStore } from "./db/subscriber-store";
import { createSubscriptionStore } from "./db/subscription-store";
import { createSuppressionStore } from "./db/suppression-store";
import { createTranslationStore } from "./db/translation-store";
import { compileDigestTemplate, type DigestHtmlTemplate } from "./digest/digest-html-template";
import type { EditionContent } from "./digest/edition-content";
import type { MailboxDeps } from "./inbound/inbound-poller";
import type { ReportDeps } from "./inbound/process-report";
import { fetchFromSns } from "./inbound/webhooks/sns-fetcher";
import { createLogger } from "./logger";
import {
  deliverEdition,
  loadEditionContent,
  planEdition,
  type DeliverDeps,
  type DeliverOptions,
  type DeliverResult,
} from "./mail/deliver-edition";
import type { DeliveryStore } from "./mail/delivery";
import type { StatsStore } from "./metrics/service-stats";
import type { AppSchedulerDeps } from "./scheduler/app-scheduler";
import { appEditionJob } from "./scheduler/edition-job";
import type { RunLockStore } from "./scheduler/run-lock";
import type { SubscriberStore } from "./subscribers/subscriber";
import type { SubscriptionStore } from "./subscribers/subscription";
import type { SuppressionStore } from "./subscribers/suppression";
import {
  createSubscriptionService,
  type SubscriptionService,
} from "./subscribers/subscription-service";
import { createChineseBridge } from "./translate/chinese-bridge";
import {
  createTranslator,
  glossaryOf,
  type ConfiguredTranslator,
} from "./translate/create-translator";
import { createMailTransport } from "./transport/create-mail-transport";
import type { MailTransport } from "./transport/mail-transport";
import type { PagesDeps } from "./web/register-pages";
import type { WebhookDeps } from "./web/webhook-routes";

/**
 * The composition root: the only place that turns configuration into stores and services, and
 * binds each use case to the narrow ports it uses. The CLI receives an `App`; no use case does.
 */
export interface App {
  config: Config;
  logger: pino.Logger;
  subscribers: SubscriberStore;
  subscriptionStore: SubscriptionStore;
  editions: EditionStore;
  deliveries: DeliveryStore;
  feedStates: FeedStateStore;
  runLocks: RunLockStore;
  stats: StatsStore;
  /** Addresses that complained or bounced (`suppression list|remove`). */
  suppressions: SuppressionStore;
  /** Bounces and complaints: by mail (the mailboxes, `inbound process`) and by webhook. */
  reports: ReportDeps;
  /** Subscribing, confirming, managing and leaving: for the web pages and subscribe-by-mail. */
  subscriptions: SubscriptionService;
  /** What `send` uses: the outbox, the transport, the template and translation. */
  delivery: DeliverDeps;
  fetchEdition(options: FetchOptions): Promise<IngestResult>;
  deliverEdition(options: DeliverOptions): Promise<DeliverResult>;
  planEdition(options: Parameters<typeof planEdition>[1]): ReturnType<typeof planEdition>;
  loadEditionContent(editionDate?: string): Promise<EditionContent>;
  /** The web pages' ports, and the health check's. */
  pages: PagesDeps & { databaseAnswers(): Promise<void> };
  /** The provider webhooks (Postmark, Mailgun, SES): those configured, and the way to SNS. */
  webhooks: WebhookDeps;
  /** The command mailbox's ports (INBOUND_IMAP_URL). */
  mailbox: MailboxDeps;
  /** `serve`'s scheduler: run locks and the fetch-then-send job. */
  scheduler: AppSchedulerDeps;
  /** The configured translation provider, built on first use; undefined with TRANSLATOR=none. */
  translator(): ConfiguredTranslator | undefined;
  transport(): MailTransport;
  close(): Promise<void>;
}

// src/ and dist/ both sit one level below package.json.
export const APP_VERSION = (
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
    version: string;
  }
).version;

/** Builds the services; migrates the database first, so every command finds it current. */
export async function createApp(config: Config): Promise<App> {
  const logger = createLogger(config.logLevel, config.logFormat === "pretty");
  const target = databaseTarget(config.databaseUrl);
  const applied = await migrateDatabase(target);
  if (applied.length > 0) {
    logger.info(`database migrated: ${applied.length} migration(s) applied`);
    logger.debug({ applied }, "migrations applied");
  }
  const db = await openDatabase(target);
  const deliveries = createDeliveryStore(db, target);
  const subscribers = createSubscriberStore(db, target.provider);
  const subscriptionStore = createSubscriptionStore(db);
  const editions = createEditionStore(db);
  const feedStates = createFeedStateStore(db);
  const runLocks = createRunLockStore(db);
  const suppressions = createSuppressionStore(db);
  const reports: ReportDeps = {
    feedback: createFeedbackStore(db),
    subscribers,
    suppressions,
    hardBounceLimit: config.send.hardBounceLimit,
    bounces: config.bounces,
  };

  // Built on first use: commands that send nothing never connect to SMTP or compile the layout.
  let transport: MailTransport | undefined;
  let template: Promise<DigestHtmlTemplate> | undefined;
  let fetcher: FeedFetcher | undefined;
  let translator: { built: ConfiguredTranslator | undefined } | undefined;
  const openTransport = () => (transport ??= createMailTransport(config.mail, config.send));
  const digestTemplate = () =>
    (template ??= compileDigestTemplate({ maxHtmlKb: config.digest.maxHtmlKb }));
  const configuredTranslator = () =>
    (translator ??= { built: createTranslator(config.translator) }).built;
  // One fetcher per process, so arXiv's request spacing holds across every fetch it makes.
  const feedFetcher = () =>
    (fetcher ??= new FeedFetcher({
      baseUrl: config.arxiv.feedUrl,
      userAgent: `arxiv-digest/${APP_VERSION} (self-hosted arXiv digest; contact: ${config.arxiv.contact})`,
      onRetry: (line) => logger.warn(line),
    }));

  const subscriptions = createSubscriptionService({
    store: subscriptionStore,
    transport: openTransport,
    mailFrom: config.mail.from,
    publicUrl: config.publicUrl,
    defaultTimeZone: config.digest.timeZone,
    logger,
  });
  const delivery: DeliverDeps = {
    settings: {
      send: config.send,
      mailFrom: config.mail.from,
      publicUrl: config.publicUrl,
      maxPapers: config.digest.maxPapers,
      includeReplacements: config.arxiv.includeReplacements,
      translates: config.translator.provider !== "none",
      chinese: createChineseBridge(glossaryOf(config.translator)),
      summaries: config.translator.summary,
      bounces: config.bounces,
    },
    editions,
    deliveries,
    subscribers,
    translations: createTranslationStore(db),
    translator: configuredTranslator,
    transport: openTransport,
    template: digestTemplate,
    logger,
  };
  const fetchDeps = {
    editions,
    feedStates,
    fetcher: feedFetcher,
    logger,
    categories: config.arxiv.categories,
  };
  const useCases = {
    fetchEdition: (options: FetchOptions) => fetchEdition(fetchDeps, options),
    deliverEdition: (options: DeliverOptions) => deliverEdition(delivery, options),
  };
  return {
    config,
    logger,
    subscribers,
    subscriptionStore,
    editions,
    deliveries,
    feedStates,
    runLocks,
    stats: createStatsStore(db),
    suppressions,
    reports,
    subscriptions,
    delivery,
    ...useCases,
    planEdition: (options) => planEdition(delivery, options),
    loadEditionContent: (editionDate) => loadEditionContent(delivery, editionDate),
    pages: {
      logger,
      settings: delivery.settings,
      subscriptions,
      subscribers,
      deliveries,
      editions,
      template: digestTemplate,
      databaseAnswers: () => pingDatabase(db),
    },
    webhooks: { logger, settings: config.webhooks, reports, snsFetcher: fetchFromSns },
    mailbox: {
      inbound: config.inbound,
      bounceMailbox: config.bounceMailbox,
      reports,
      subscriptions,
      transport: openTransport,
      from: config.mail.from,
      publicUrl: config.publicUrl,
      logger,
    },
    scheduler: {
      locks: runLocks,
      editions,
      job: appEditionJob({
        ...useCases,
        expirePending: () => subscriptions.expirePending(),
        feedStates,
        logger,
      }),
      schedule: config.schedule,
      logger,
    },
    translator: configuredTranslator,
    transport: openTransport,
    async close() {
      transport?.close();
      deliveries.close();
      await db.$disconnect();
    },
  };
}
