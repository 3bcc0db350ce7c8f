import { automaticMailReason } from "../../../src/inbound/automatic-mail";

const headers = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([name, value]) => [name, [value]]));

describe("automaticMailReason", () => {
  it("lets a person's mail through", () => {
    expect(automaticMailReason(headers({ "return-path": "<ada@x.org>" }), "ada@x.org")).toBe(
      undefined,
    );
    expect(automaticMailReason(headers({ "auto-submitted": "no" }), "ada@x.org")).toBe(undefined);
  });

  it.each([
    [{ "auto-submitted": "auto-replied (vacation)" }, "Auto-Submitted: auto-replied (vacation)"],
    [{ "auto-submitted": "auto-generated" }, "Auto-Submitted: auto-generated"],
    [{ precedence: "bulk" }, "Precedence: bulk"],
    [{ precedence: "Junk" }, "Precedence: Junk"],
    [{ "return-path": "<>" }, "empty Return-Path (a bounce)"],
    [
      { "content-type": "multipart/report; report-type=delivery-status" },
      "a delivery or read report",
    ],
    [{ "list-id": "<papers.lists.x.org>" }, "mailing-list mail (list-id)"],
    [{ "list-unsubscribe": "<mailto:u@x.org>" }, "mailing-list mail (list-unsubscribe)"],
    [{ "x-autoreply": "yes" }, "an auto-reply (x-autoreply)"],
  ])("refuses %j", (entries, reason) => {
    expect(automaticMailReason(headers(entries), "ada@x.org")).toBe(reason);
  });

  it.each(["mailer-daemon@x.org", "postmaster@x.org", "no-reply@x.org", "noreply@x.org"])(
    "refuses mail from %s",
    (sender) => expect(automaticMailReason(headers({}), sender)).toBe(`sent by ${sender}`),
  );
});
