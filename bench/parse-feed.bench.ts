import fs from "node:fs";
import path from "node:path";
import { parseArxivFeed } from "../src/arxiv/parse-arxiv-feed";
import { round, type Figure } from "./figures";

const FIXTURE = path.resolve(__dirname, "..", "test", "fixtures", "example-digest-papers.rss.xml");

/** A 2,000-item feed made of the fixture's real items, each under its own id. */
function largeFeed(items = 2000): string {
  const xml = fs.readFileSync(FIXTURE, "utf8");
  const head = xml.slice(0, xml.indexOf("<item>"));
  const tail = xml.slice(xml.lastIndexOf("</item>") + "</item>".length);
  const real = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => m[0]);
  const body = Array.from({ length: items }, (_, i) => {
    const id = `2510.${String(20000 + i).padStart(5, "0")}`;
    return (real[i % real.length] ?? "").replace(/25\d\d\.\d{5}/g, id);
  });
  return head + body.join("\n") + tail;
}

export async function benchParse(): Promise<Figure[]> {
  const xml = largeFeed();
  await parseArxivFeed(xml);
  const start = performance.now();
  const feed = await parseArxivFeed(xml);
  const ms = performance.now() - start;
  if (feed.items.length !== 2000)
    throw new Error(`parsed ${feed.items.length} items, expected 2000`);
  return [{ name: "parse 2000-item feed", value: round(ms), unit: "ms", budget: "< 1000 ms" }];
}
