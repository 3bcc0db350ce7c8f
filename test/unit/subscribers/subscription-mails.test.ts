import { confirmationMail, manageLinkMail } from "../../../src/subscribers/subscription-mails";

const input = {
  from: "arXiv Digest <digest@example.org>",
  to: "ada@example.org",
  language: "zh-CN" as const,
  url: "https://d.example.org/confirm/1.abc",
  keywords: ['"diffusion policy"', "<b>bold</b>"],
};

describe("link mails", () => {
  it("the confirmation mail is bilingual, in text and HTML, with the link and the keywords", () => {
    const mail = confirmationMail(input);
    expect(mail.subject).toBe("请确认订阅 arXiv 每日论文 / Confirm your arXiv digest subscription");
    expect(mail.text).toContain("确认订阅 / Confirm: https://d.example.org/confirm/1.abc");
    expect(mail.text).toContain("48 hours");
    expect(mail.text).toContain('  • "diffusion policy"');
    expect(mail.html).toContain('href="https://d.example.org/confirm/1.abc"');
    expect(mail.html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>bold");
    expect(mail.messageId).toMatch(/^<link\.[0-9a-f]{24}@example\.org>$/);
    expect(mail.headers["Auto-Submitted"]).toBe("auto-generated");
  });

  it("writes Traditional Chinese for zh-TW subscribers", () => {
    const mail = manageLinkMail({ ...input, language: "zh-TW" });
    expect(mail.subject).toContain("每日論文管理連結");
    expect(mail.text).toContain("訂閱");
    expect(mail.text).toContain("Manage subscription");
  });

  it("keeps CR and LF out of the headers", () => {
    const mail = confirmationMail({ ...input, to: "ada@example.org\r\nBcc: x@evil.org" });
    expect(mail.to).not.toMatch(/[\r\n]/);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
