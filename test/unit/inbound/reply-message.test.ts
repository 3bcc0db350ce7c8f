import type { MailResult } from "../../../src/inbound/carry-out-command";
import type { CommandMail } from "../../../src/inbound/read-command-mail";
import { replyMessage } from "../../../src/inbound/reply-message";

const service = { from: "arXiv Digest <digest@lab.org>", publicUrl: "https://digest.lab.org" };
const mail: CommandMail = {
  sender: "ada@x.org",
  messageId: "<m1@x.org>",
  subject: "subscribe\r\nBcc: victim@x.org",
  text: "robots",
  truncated: false,
};
const answer = (
  outcome: Extract<MailResult, { kind: "answer" }>["outcome"],
  script: "zh-CN" | "zh-TW" = "zh-CN",
): Extract<MailResult, { kind: "answer" }> => ({
  kind: "answer",
  sender: "ada@x.org",
  script,
  outcome,
});

describe("replyMessage", () => {
  it("answers the sender only, as an auto-reply threaded under the mail, with no header injection", () => {
    const reply = replyMessage(mail, answer({ kind: "unsubscribed" }), service);
    expect(reply.to).toBe("ada@x.org");
    expect(reply.from).toBe(service.from);
    expect(reply.subject).toBe("Re: subscribe Bcc: victim@x.org");
    expect(reply.headers).toMatchObject({
      "Auto-Submitted": "auto-replied",
      "In-Reply-To": "<m1@x.org>",
      References: "<m1@x.org>",
    });
    expect(reply.messageId).toMatch(/^<reply\.[0-9a-f]{32}@lab\.org>$/);
  });

  it("gives a mail answered twice the same Message-ID", () => {
    const first = replyMessage(mail, answer({ kind: "unsubscribed" }), service);
    const again = replyMessage(mail, answer({ kind: "unsubscribed" }), service);
    const other = replyMessage(
      { ...mail, messageId: "<m2@x.org>" },
      answer({ kind: "unsubscribed" }),
      service,
    );
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
  });

  it("says it in Chinese and English, in the Traditional script when asked that way", () => {
    const outcome = { kind: "keywords-replaced" as const, queries: ["robots", '"world model"'] };
    const simplified = replyMessage(mail, answer(outcome), service).text;
    expect(simplified).toContain("您的关键词已替换");
    expect(simplified).toContain("Your keywords are replaced");
    expect(simplified).toContain('- "world model"');
    expect(replyMessage(mail, answer(outcome, "zh-TW"), service).text).toContain("關鍵詞已替換");
  });

  it("points at each bad line, and escapes it in the HTML part", () => {
    const reply = replyMessage(
      mail,
      answer({
        kind: "refused",
        verb: "subscribe",
        problems: [{ line: 3, text: "<b>x", message: 'the keyword query "<b>x" has …' }],
      }),
      service,
    );
    expect(reply.text).toContain("第 3 行 · line 3: <b>x");
    expect(reply.html).toContain("line 3: &lt;b&gt;x");
    expect(reply.html).not.toContain("<b>x");
  });
});
