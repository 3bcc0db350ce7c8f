import { Readable } from "node:stream";
import type { HandOver } from "./mail-transport";

/**
 * The message `input`, passed on only after `handOver` resolved. nodemailer's SMTP connection
 * starts reading the message stream once the server answered DATA with 354 (its pool relies on
 * the same fact: a stream never read was never sent), so the first read is the hand-over point:
 * the server cannot have the message before it, as it only takes a message whose final dot
 * arrived. Chunks are passed on as they come, with back-pressure (no promise per chunk).
 */
class AfterHandOver extends Readable {
  private state: "waiting" | "asked" | "flowing" = "waiting";

  constructor(
    private readonly input: Readable,
    private readonly handOver: HandOver,
  ) {
    super();
    input.on("error", (error) => this.destroy(error));
    input.on("end", () => this.push(null));
  }

  override _read(): void {
    if (this.state === "flowing") {
      this.input.resume();
      return;
    }
    if (this.state === "asked") return;
    this.state = "asked";
    this.handOver().then(
      () => {
        this.state = "flowing";
        this.input.on("data", (chunk: Buffer) => {
          if (!this.push(chunk)) this.input.pause();
        });
      },
      (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

export function handOverStream(input: Readable, handOver: HandOver): Readable {
  return new AfterHandOver(input, handOver);
}
