import fs from "node:fs";
import path from "node:path";
import type pino from "pino";
import { FeedFetcher } from "./arxiv/feed-fetcher";
import type { Config } from "./config";
import { openDatabase, type Db } from "./db/create-database";
import { databaseTarget } from "./db/database-target";
import { createDeliveryStore } from "./db/delivery-store";
import { type DeliveryStore } from "./mail/delivery";
import { createEditionStore } from "./db/edition-store";
import { type EditionStore } from "./arxiv/edition";
import { createFeedStateStore } from "./db/feed-state-store";
import { type FeedStateStore } from "./arxiv/feed-state";
import { migrateDatabase } from "./db/migrate-database";
import { createSubscriberStore } from "./db/subscriber-store";
import { type SubscriberStore } from "./subscribers/subscriber";
import { createSubscriptionStore } from "./db/subscription-store";
import { compileDigestTemplate, type DigestHtmlTemplate } from "./digest/digest-html-template";
import { createLogger } from "./logger";
import { createMailTransport } from "./transport/create-mail-transport";
import type { MailTransport } from "./transport/mail-transport";
import {
  createSubscriptionService,
  type SubscriptionService,
} from "./subscribers/subscription-service";
import { createTranslator, type ConfiguredTranslator } from "./translate/create-translator";

/**
 * The composition root: the only place that turns configuration into services. Commands and the
 * server receive an `App` and never read the environment or open connections themselves.
 */
export interface App {
  config: Config;
  logger: pino.Logger;
  db: Db;
  subscribers: SubscriberStore;
  editions: EditionStore;
  deliveries: DeliveryStore;
  feedStates: FeedStateStore;
  /** Subscribing, confirming, managing and leaving: for the web pages and subscribe-by-mail. */
  subscriptions: SubscriptionService;
  /** One per process, so arXiv's request spacing holds across every fetch the process makes. */
  fetcher(): FeedFetcher;
  /** Opened on first use: commands that send nothing never connect to SMTP. */
  transport(): MailTransport;
  /** Compiled on first use, then shared by every digest of the process. */
  template(): Promise<DigestHtmlTemplate>;
  /** The configured translation provider, built on first use; undefined with TRANSLATOR=none. */
  translator(): ConfiguredTranslator | undefined;
  close(): Promise<void>;
}

// src/ and dist/ both sit one level below package.json.
const APP_VERSION = (
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
    version: string;
  }
).version;

/** Builds the services; migrates the database first, so every command finds it current. */
export async function createApp(config: Config): Promise<App> {
  const logger = createLogger(config.logLevel);
  const target = databaseTarget(config.databaseUrl);
  const applied = await migrateDatabase(target);
  if (applied.length > 0) logger.info({ applied }, "database migrated");
  const db = await openDatabase(target);
  const deliveries = createDeliveryStore(db, target);
  let transport: MailTransport | undefined;
  let template: Promise<DigestHtmlTemplate> | undefined;
  let fetcher: FeedFetcher | undefined;
  let translator: { built: ConfiguredTranslator | undefined } | undefined;
  const openTransport = () => (transport ??= createMailTransport(config.mail, config.send));
  return {
    config,
    logger,
    db,
    subscribers: createSubscriberStore(db),
    editions: createEditionStore(db),
    deliveries,
    feedStates: createFeedStateStore(db),
    subscriptions: createSubscriptionService({
      store: createSubscriptionStore(db),
      transport: openTransport,
      mailFrom: config.mail.from,
      publicUrl: config.publicUrl,
      defaultTimeZone: config.digest.timeZone,
    }),
    fetcher: () =>
      (fetcher ??= new FeedFetcher({
        baseUrl: config.arxiv.feedUrl,
        userAgent: `arxiv-digest/${APP_VERSION} (self-hosted arXiv digest; contact: ${config.arxiv.contact})`,
      })),
    transport: openTransport,
    template: () => (template ??= compileDigestTemplate({ maxHtmlKb: config.digest.maxHtmlKb })),
    translator: () => (translator ??= { built: createTranslator(config.translator) }).built,
    async close() {
      transport?.close();
      deliveries.close();
      await db.$disconnect();
    },
  };
}
