import { FEED_LIMITS } from "./feed-limits";

/** A feed larger than FEED_LIMITS.maxDocumentBytes, noticed while it was read. */
export class FeedTooLarge extends Error {
  constructor() {
    super(`the feed is larger than ${FEED_LIMITS.maxDocumentBytes / (1024 * 1024)} MB, the limit`);
  }
}

/**
 * Reads a stream (a download's body, a file) as UTF-8, counting bytes as they come: past
 * `maxBytes` it stops reading, drops what it holds and throws FeedTooLarge, so a huge or endless
 * answer costs at most `maxBytes` of memory.
 */
export async function readBoundedText(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number = FEED_LIMITS.maxDocumentBytes,
): Promise<string> {
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw new FeedTooLarge();
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString("utf8");
}
