import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh folder under the system temp dir, for one test's database and outbox. */
export function makeTempDir(prefix = "arxiv-digest-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const EXAMPLE_FEED = path.resolve(
  __dirname,
  "..",
  "fixtures",
  "example-digest-papers.rss.xml",
);
