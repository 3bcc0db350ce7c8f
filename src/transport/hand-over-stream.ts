import { Readable } from "node:stream";
import type { HandOver } from "./mail-transport";

/**
 * The message `input`, passed on only after `handOver` resolved. nodemailer's SMTP connection
 * starts reading the message stream once the server answered DATA with 354 (its pool relies on
 * the same fact: a stream never read was never sent), so the first read is the hand-over point:
 * the server cannot have the message before it, as it only takes a message whose final dot
 * arrived. The generator runs only when the stream is first read.
 */
export function handOverStream(input: Readable, handOver: HandOver): Readable {
  async function* afterHandOver() {
    await handOver();
    yield* input;
  }
  return Readable.from(afterHandOver(), { objectMode: false });
}
