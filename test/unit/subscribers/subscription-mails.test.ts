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
    expect(mail.html).not.toContain("<b>");
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

  it("a stranger's text is not repeated: queries shown as parsed, bidi controls gone", () => {
    const sentence = "Your account is locked visit evil dot example now";
    const mail = confirmationMail({ ...input, keywords: [sentence, "abc\u202Edef"] });
    for (const body of [mail.text, mail.html]) {
      expect(body).not.toContain(sentence);
      expect(body).not.toContain("\u202E");
      expect(body).toContain("Someone asked on our site for this address");
    }
    expect(mail.text).toContain('"account" "dot" "evil"');
  });
});
