import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { parseArxivFeed } from "../src/arxiv/parse-arxiv-feed";
import { ingestEdition } from "../src/arxiv/ingest-edition";
import { loadConfig } from "../src/config";
import { createApp } from "../src/container";
import { EditionContent, mailedAnnounceTypes } from "../src/digest/edition-content";
import { createMailTransport, smtpPoolOptions } from "../src/mail/create-mail-transport";
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

/** Highest resident set size seen while `body` runs, sampled every 20 ms. */
async function peakRss<T>(body: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await body();
    return { result, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function benchSend(): Promise<Figure[]> {
  const sink = await startSink();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arxiv-digest-bench-"));
  const config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    SEND_RATE_PER_SECOND: "1000000",
    LOG_LEVEL: "silent",
  });
  const app = await createApp(config);
  try {
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

    const transport = createMailTransport(config.mail, config.send);
    const template = await app.template();
    const started = performance.now();
    const { result: summary, peakMb } = await peakRss(() =>
      sendEdition(
        {
          deliveries: app.deliveries,
          subscribers: app.subscribers,
          transport,
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
        new Map(subscribers.map((s) => [s.id, s])),
      ),
    );
    const ours = summary.sent / ((performance.now() - started) / 1000);
    transport.close();
    if (summary.sent !== DELIVERIES) throw new Error(`sent ${summary.sent} of ${DELIVERIES}`);

    // The transport's own limit: the same pool sending one pre-rendered digest as fast as it can.
    const raw = nodemailer.createTransport(smtpPoolOptions(config.mail.smtpUrl!, config.send));
    const message = {
      from: config.mail.from,
      to: "r0@example.org",
      subject: "x",
      text: "t",
      html: "h",
    };
    const sample = content.digestFor(subscribers[0]!, { maxPapers: 100, now: new Date() })!;
    message.html = template.render(sample, {
      unsubscribeUrl: "https://x/u",
      manageUrl: "https://x/m",
      webViewUrl: "https://x/d",
    });
    let next = 0;
    const rawStart = performance.now();
    await Promise.all(
      Array.from({ length: config.send.concurrency }, async () => {
        while (next++ < DELIVERIES) await raw.sendMail(message);
      }),
    );
    const baseline = DELIVERIES / ((performance.now() - rawStart) / 1000);
    raw.close();
    return [
      { name: `send ${DELIVERIES} prepared deliveries`, value: round(ours), unit: "msg/s" },
      {
        name: "send: nodemailer alone, same pool, pre-rendered",
        value: round(baseline),
        unit: "msg/s",
      },
      {
        name: "send: share of the transport's rate",
        value: round((100 * ours) / baseline),
        unit: "%",
        budget: ">= 80 %",
      },
      { name: "send: peak RSS", value: round(peakMb), unit: "MB", budget: "< 300 MB" },
    ];
  } finally {
    await app.close();
    await sink.close();
  }
}
