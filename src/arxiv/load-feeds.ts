import fs from "node:fs/promises";
import { describeFileError, InputError } from "../errors";
import { FeedTooLarge, readBoundedText } from "./read-bounded";
import { parseArxivFeed } from "./parse-arxiv-feed";
import type { ParsedFeed } from "./parsed-feed";

/** Reads and parses feed files; every file must parse before anything is stored. */
export async function readFeedFiles(files: readonly string[]): Promise<ParsedFeed[]> {
  const feeds: ParsedFeed[] = [];
  for (const file of files) {
    let xml: string;
    try {
      const handle = await fs.open(file);
      try {
        xml = await readBoundedText(handle.createReadStream({ autoClose: false }));
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (error instanceof FeedTooLarge)
        throw new InputError(`feed file ${file}: ${error.message}`);
      throw new InputError(`cannot read feed file ${file}: ${describeFileError(error)}`);
    }
    feeds.push(await parseArxivFeed(xml, file));
  }
  return feeds;
}
