import fs from "node:fs/promises";
import { describeFileError, InputError } from "../errors";
import { parseArxivFeed } from "./parse-arxiv-feed";
import type { ParsedFeed } from "./parsed-feed";

/** Reads and parses feed files; every file must parse before anything is stored. */
export async function readFeedFiles(files: readonly string[]): Promise<ParsedFeed[]> {
  const feeds: ParsedFeed[] = [];
  for (const file of files) {
    let xml: string;
    try {
      xml = await fs.readFile(file, "utf8");
    } catch (error) {
      throw new InputError(`cannot read feed file ${file}: ${describeFileError(error)}`);
    }
    feeds.push(await parseArxivFeed(xml, file));
  }
  return feeds;
}
