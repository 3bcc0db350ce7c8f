import { readCommandMail } from "../../../src/inbound/read-command-mail";

const read = (raw: string, truncated = false) =>
  readCommandMail(Buffer.from(raw.replace(/\n/g, "\r\n")), {
    truncated,
    ownAddress: "digest@lab.org",
  });

describe("readCommandMail", () => {
  it("reads the sender, subject, Message-ID and plain text", async () => {
    const mail = await read(
      "From: Ada <Ada@Example.ORG>\nSubject: =?UTF-8?B?6K6i6ZiF?=\nMessage-ID: <a1@example.org>\n\nrobots\n",
    );
    expect(mail).toEqual({
      sender: "ada@example.org",
      subject: "订阅",
      messageId: "<a1@example.org>",
      text: "robots\n",
      truncated: false,
    });
  });

  it("turns an HTML-only body into lines, quotes marked with >", async () => {
    const mail = await read(
      "From: b@x.org\nSubject: subscribe\nContent-Type: text/html; charset=utf-8\n\n<p>&quot;world model&quot;</p><p>cat:cs.RO</p><blockquote>old</blockquote>",
    );
    expect(mail.text.split("\n").filter(Boolean)).toEqual(['"world model"', "cat:cs.RO", "> old"]);
  });

  it.each([
    ["From: a@x.org, b@x.org", "From is not exactly one address"],
    ["From: Undisclosed:;", "From is not exactly one address"],
    ["Subject: no from at all", "From is not exactly one address"],
    ["From: digest@LAB.org", "sent from this service's own address"],
    [
      "Authentication-Results: mx.lab.org; spf=fail smtp.mailfrom=x.org; dmarc=fail header.from=x.org\nAuthentication-Results: evil.org; dmarc=pass\nFrom: a@x.org",
      "the receiving server found the From address forged (dmarc=fail)",
    ],
  ])("will not answer %j", async (headers, reason) => {
    expect((await read(`${headers}\nSubject: subscribe\n\nrobots\n`)).ignoreReason).toBe(reason);
  });

  it("marks machine mail, which only an unsubscribe can act on", async () => {
    const mail = await read("From: a@x.org\nAuto-Submitted: auto-replied\nSubject: x\n\nhi\n");
    expect(mail).toMatchObject({ machine: "Auto-Submitted: auto-replied" });
    expect(mail.ignoreReason).toBeUndefined();
  });

  it("trusts only the receiving server's own (topmost) Authentication-Results", async () => {
    const mail = await read(
      "Authentication-Results: mx.lab.org; dmarc=pass\nAuthentication-Results: x; dmarc=fail\nFrom: a@x.org\nSubject: subscribe\n\nrobots\n",
    );
    expect(mail.ignoreReason).toBeUndefined();
  });

  it("will not answer an address that is not valid", async () => {
    const mail = await read('From: "x" <a@b>\nSubject: subscribe\n\nrobots\n');
    expect(mail.ignoreReason).toMatch(/^From: .* is not a valid email address/);
  });

  it("passes on that only the start of the mail was read", async () => {
    expect((await read("From: a@x.org\nSubject: subscribe\n\nrob", true)).truncated).toBe(true);
  });
});
