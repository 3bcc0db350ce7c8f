import { composeDigestMessage } from "../../../src/mail/compose-digest-message";
import { senderDomain } from "../../../src/transport/message-headers";

describe("composeDigestMessage", () => {
  const message = composeDigestMessage({
    from: "arXiv Digest <digest@lab.example.org>",
    to: "a@example.org",
    subject: "arXiv 每日论文\r\nBcc: evil@example.com",
    text: "t",
    html: "<p>h</p>",
    editionDate: "2025-10-17",
    deliveryId: 42,
    unsubscribe: {
      url: "https://digest.lab.example.org/unsubscribe/42.abc",
      mailto: "mailto:digest@lab.example.org?subject=unsubscribe",
    },
  });

  it("keeps CR/LF out of headers", () =>
    expect(message.subject).toBe("arXiv 每日论文 Bcc: evil@example.com"));
  it("derives a stable Message-ID from the delivery", () =>
    expect(message.messageId).toBe("<digest.2025-10-17.42@lab.example.org>"));
  it("marks the mail as automatic bulk list mail with one-click unsubscribe (RFC 8058)", () => {
    expect(message.headers["Auto-Submitted"]).toBe("auto-generated");
    expect(message.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(message.headers["List-Unsubscribe"]).toBe(
      "<https://digest.lab.example.org/unsubscribe/42.abc>, <mailto:digest@lab.example.org?subject=unsubscribe>",
    );
  });
  it.each([
    ["digest@example.org", "example.org"],
    ["Name <x@mail.example.org>", "mail.example.org"],
  ])("senderDomain(%j) = %j", (from, domain) => expect(senderDomain(from)).toBe(domain));
});
