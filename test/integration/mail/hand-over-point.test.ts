import fs from "node:fs";
import path from "node:path";
import { DEFAULT_SEND_POLICY } from "../../../src/mail/send-policy";
import { createMailTransport } from "../../../src/transport/create-mail-transport";
import type { OutgoingMessage } from "../../../src/transport/mail-transport";
import { startSmtpSink } from "../../support/smtp-sink";
import { makeTempDir } from "../../support/temp-dir";
import { waitFor } from "../../support/wait-for";

const FROM = "digest@example.org";

function message(to: string): OutgoingMessage {
  return {
    from: FROM,
    to,
    subject: "hand-over",
    text: "body",
    html: "<p>body</p>",
    messageId: `<${to.replace("@", ".")}@example.org>`,
    headers: {},
  };
}

function emlFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith(".eml")) : [];
}

describe("the hand-over point of each transport", () => {
  it("SMTP: after the server took DATA, before the message can arrive; a refusal stops it", async () => {
    const sink = await startSmtpSink({ stall: { beforeData: ["stuck@example.org"] } });
    const transport = createMailTransport(
      { smtpUrl: sink.url, outboxDir: "", from: FROM },
      {
        ...DEFAULT_SEND_POLICY,
        maxConnections: 2,
      },
    );
    const handedOver: string[] = [];
    const stuck = transport
      .send(message("stuck@example.org"), async () => void handedOver.push("stuck"))
      .catch((error: unknown) => error);
    try {
      await waitFor(() => sink.stalled() === 1, { what: "the far end to hold RCPT TO" });
      await transport.send(message("ok@example.org"), async () => {
        handedOver.push(`ok, ${sink.recipients.length} arrived`);
      });
      await expect(
        transport.send(message("refused@example.org"), () =>
          Promise.reject(new Error("the claim was taken back")),
        ),
      ).rejects.toThrow(/the claim was taken back/);
      // The message held before DATA was never handed over; the refused one never arrived.
      expect(handedOver).toEqual(["ok, 0 arrived"]);
      expect(sink.recipients).toEqual(["ok@example.org"]);
    } finally {
      transport.close();
      await sink.close();
      await stuck;
    }
  });

  it("outbox: before the file is in place; a refusal leaves no file", async () => {
    const outbox = path.join(makeTempDir(), "outbox");
    const transport = createMailTransport({ outboxDir: outbox, from: FROM }, DEFAULT_SEND_POLICY);
    const seen: string[][] = [];
    await transport.send(message("a@example.org"), async () => void seen.push(emlFiles(outbox)));
    await expect(
      transport.send(message("b@example.org"), () => Promise.reject(new Error("taken back"))),
    ).rejects.toThrow(/taken back/);
    expect(seen).toEqual([[]]);
    expect(fs.readdirSync(outbox)).toEqual(["a.example.org@example.org.eml"]);
    transport.close();
  });
});
