import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config";
import { createApp } from "../src/container";
import { translateForDelivery } from "../src/mail/translate-for-delivery";
import type { TranslateCounts } from "../src/translate/translate-edition";
import { allPages } from "../src/subscribers/subscriber";
import { countReaders } from "../src/digest/edition-content";
import {
  goodChatReply,
  startTranslationServer,
} from "../test/integration/translate/fake-translation-server";
import type { Figure } from "./figures";

const FEED = path.resolve(__dirname, "..", "test", "fixtures", "example-digest-papers.rss.xml");

/**
 * What translating the reference digest costs (docs/architecture.md, "Performance budgets": each version at most
 * once, at least 5 papers per request): the subscriber of shared/example-digest.txt
 * ("reinforcement learning", "diffusion policy") on its feed, against a chat-completions server on
 * 127.0.0.1, through the same stage `send` runs, twice. Input characters are exactly what would
 * be sent to a real model (prompt and papers); output characters are the fake model's, which
 * writes about 0.35 Chinese characters per English one, as the reference digest's translations do,
 * and, with TRANSLATOR_SUMMARY on (the default), a one-line summary of about 40 characters per
 * paper in the same answer: no more requests, about 9 % more output than without.
 */
export async function benchTranslate(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arxiv-digest-bench-"));
  const server = await startTranslationServer((call) => goodChatReply(call));
  const app = await createApp(
    loadConfig({
      DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
      MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
      TRANSLATOR: "openai",
      TRANSLATOR_BASE_URL: `${server.url}/v1`,
      LOG_LEVEL: "silent",
    }),
  );
  try {
    await app.subscribers.create({
      email: "reader@example.org",
      keywords: ["reinforcement learning", "diffusion policy"],
      status: "active",
      language: "zh-CN",
      timeZone: "Asia/Shanghai",
    });
    await app.fetchEdition({ feedFiles: [FEED] });
    const runOnce = async (): Promise<TranslateCounts> => {
      const content = await app.loadEditionContent();
      const readers = new Map<string, number>();
      for (const subscriber of await allPages(app.subscribers.pages({ status: "active" }))) {
        const options = { maxPapers: app.config.digest.maxPapers, now: new Date() };
        const digest = content.digestFor(subscriber, options);
        if (digest) countReaders(readers, digest);
      }
      const counts = await translateForDelivery(app.delivery, content, readers);
      if (!counts) throw new Error("the translation stage did not run");
      return counts;
    };
    const first = await runOnce();
    const second = await runOnce();
    const n = first.requested;
    return [
      {
        name: `translate ${n} papers, first run: requests`,
        value: first.requests,
        unit: "requests",
      },
      {
        name: `translate ${n} papers, first run: papers per request`,
        value: Number((first.translated / Math.max(1, first.requests)).toFixed(1)),
        unit: "papers",
        budget: ">= 5",
      },
      {
        name: `translate ${n} papers, first run: input chars`,
        value: first.inputChars,
        unit: "chars",
      },
      {
        name: `translate ${n} papers, first run: output chars`,
        value: first.outputChars,
        unit: "chars",
      },
      { name: `translate ${n} papers, first run: failed`, value: first.failed, unit: "papers" },
      {
        name: `translate ${n} papers, second run: requests`,
        value: second.requests,
        unit: "requests",
        budget: "0",
      },
      {
        name: `translate ${n} papers, second run: input chars`,
        value: second.inputChars,
        unit: "chars",
      },
    ];
  } finally {
    await app.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
