import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { parseArxivFeed } from "../src/arxiv/parse-arxiv-feed";
import { ingestEdition } from "../src/arxiv/ingest-edition";
import { loadConfig, type Config } from "../src/config";
import { createApp, type App } from "../src/container";
import type { Subscriber } from "../src/db/subscriber-store";
import { EditionContent, mailedAnnounceTypes } from "../src/digest/edition-content";
import { createMailTransport, smtpPoolOptions } from "../src/mail/create-mail-transport";
import type { MailTransport, OutgoingMessage } from "../src/mail/mail-transport";
import { prepareDeliveries } from "../src/mail/prepare-deliveries";
import { sendEdition } from "../src/mail/send-edition";
import { deliveryLinks } from "../src/mail/delivery-links";
import { round, type Figure } from "./figures";

const DELIVERIES = 10_000;
const FEED = path.resolve(__dirname, "..", "test", "fixtures", "example-digest-papers.rss.xml");

/** A loopback SMTP server that accepts and discards: the far end costs as little as it can. */
async function startSink(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Highest resident set size seen while `body` runs, sampled every 100 ms, and the size when it
 * started: this process also holds ts-node's compiler and what the set-up left behind.
 */
async function peakRss<T>(
  body: () => Promise<T>,
): Promise<{ result: T; peakMb: number; startMb: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  try {
    const result = await body();
    const peakMb = Math.max(peak, process.memoryUsage.rss()) / 2 ** 20;
    return { result, peakMb, startMb: start / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** A database with DELIVERIES subscribers, one edition, and a queued delivery for each. */
export interface SendBench {
  config: Config;
  app: App;
  content: EditionContent;
  subscribers: Subscriber[];
  close(): Promise<void>;
}

/** Sets up the sink and the prepared edition that both measurements send to. */
export async function setUpSendBench(): Promise<SendBench> {
  const sink = await startSink();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arxiv-digest-bench-"));
  const config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    SEND_RATE_PER_SECOND: "1000000",
    LOG_LEVEL: "silent",
  });
  const app = await createApp(config);
  await app.db.subscriber.createMany({
    data: Array.from({ length: DELIVERIES }, (_, i) => ({
      email: `r${i}@example.org`,
      status: "active" as const,
    })),
  });
  const ids = await app.db.subscriber.findMany({ select: { id: true } });
  await app.db.keyword.createMany({
    data: ids.map(({ id }) => ({ subscriberId: id, query: '"diffusion policy"', position: 0 })),
  });
  const parsed = await parseArxivFeed(fs.readFileSync(FEED, "utf8"));
  await ingestEdition(app.editions, [{ feed: "cs", kind: "parsed", parsed }], new Date());
  const edition = (await app.editions.latest())!;
  const content = new EditionContent(
    edition,
    await app.editions.papersOf(edition.id),
    mailedAnnounceTypes(false),
  );
  const subscribers = await app.subscribers.listActive();
  await prepareDeliveries(app, content, subscribers, { maxPapers: 100, now: new Date() });
  return {
    config,
    app,
    content,
    subscribers,
    async close() {
      await app.close();
      await sink.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Our whole send path over the prepared deliveries: claim, build, render, compose, send, record.
 * Returns the rate, the peak RSS, and the first message exactly as it was handed to nodemailer.
 */
export async function sendAll(
  bench: SendBench,
): Promise<{ rate: number; peakMb: number; startMb: number; sample: OutgoingMessage }> {
  const { config, app, content } = bench;
  const transport = createMailTransport(config.mail, config.send);
  let sample: OutgoingMessage | undefined;
  const recording: MailTransport = {
    ...transport,
    send: (message) => {
      sample ??= message;
      return transport.send(message);
    },
  };
  const template = await app.template();
  const started = performance.now();
  const {
    result: summary,
    peakMb,
    startMb,
  } = await peakRss(() =>
    sendEdition(
      {
        deliveries: app.deliveries,
        subscribers: app.subscribers,
        transport: recording,
        template,
        policy: config.send,
        mailFrom: config.mail.from,
        linksFor: (id, token) =>
          deliveryLinks(
            config.publicUrl,
            config.mail.from,
            { id, editionDate: content.edition.date },
            token,
          ),
        maxPapers: 100,
        now: () => new Date(),
      },
      content,
      new Map(bench.subscribers.map((s) => [s.id, s])),
    ),
  );
  const rate = summary.sent / ((performance.now() - started) / 1000);
  transport.close();
  if (summary.sent !== DELIVERIES || !sample) {
    throw new Error(`sent ${summary.sent} of ${DELIVERIES}`);
  }
  return { rate, peakMb, startMb, sample };
}

/**
 * The transport's own limit: nodemailer with the same pool options sends the very message our
 * path sent first (same parts, same headers, same size), as fast as the pool takes it.
 */
export async function sendReference(bench: SendBench, message: OutgoingMessage): Promise<number> {
  const { config } = bench;
  const raw = nodemailer.createTransport(smtpPoolOptions(config.mail.smtpUrl!, config.send));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: config.send.concurrency }, async () => {
      while (next++ < DELIVERIES) await raw.sendMail(message);
    }),
  );
  const rate = DELIVERIES / ((performance.now() - started) / 1000);
  raw.close();
  return rate;
}

export async function benchSend(): Promise<Figure[]> {
  const bench = await setUpSendBench();
  try {
    const ours = await sendAll(bench);
    const baseline = await sendReference(bench, ours.sample);
    return [
      { name: `send ${DELIVERIES} prepared deliveries`, value: round(ours.rate), unit: "msg/s" },
      {
        name: "send: nodemailer alone, same pool, same message",
        value: round(baseline),
        unit: "msg/s",
      },
      {
        name: "send: share of the transport's rate",
        value: round((100 * ours.rate) / baseline),
        unit: "%",
        budget: ">= 80 %",
      },
      { name: "send: peak RSS", value: round(ours.peakMb), unit: "MB", budget: "< 300 MB" },
      { name: "send: RSS when the send started", value: round(ours.startMb), unit: "MB" },
    ];
  } finally {
    await bench.close();
  }
}
