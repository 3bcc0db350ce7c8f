import { postmarkVerdict } from "../../../../src/inbound/webhooks/postmark-webhook";
import { readSesNotification } from "../../../../src/inbound/webhooks/ses-notification";
import {
  basicAuth,
  postmarkBounce,
  postmarkSpamComplaint,
  sesNotification,
} from "../../../support/webhook-requests";

const POSTMARK = { user: "postmark", password: "0123456789abcdef" };
const AUTH = basicAuth("postmark", "0123456789abcdef");

describe("Postmark webhooks", () => {
  const read = (record: unknown) => postmarkVerdict(POSTMARK, AUTH, JSON.stringify(record));

  it.each([
    ["HardBounce", "hard"],
    ["BadEmailAddress", "hard"],
    ["SoftBounce", "soft"],
    ["Transient", "soft"],
    ["DnsError", "soft"],
  ])("reads a %s bounce as %s, keyed by its ID", (type, kind) => {
    expect(read(postmarkBounce("Reader@Example.net", 77, type))).toMatchObject({
      kind: "reports",
      reports: [
        {
          email: "Reader@Example.net",
          feedback: { kind, source: "postmark", eventKey: "postmark:77" },
        },
      ],
    });
  });

  it("reads a spam complaint as a complaint and ignores an auto-reply", () => {
    expect(read(postmarkSpamComplaint("a@example.net", 78))).toMatchObject({
      reports: [{ feedback: { kind: "complaint", eventKey: "postmark:78" } }],
    });
    expect(read(postmarkBounce("a@example.net", 79, "AutoResponder"))).toEqual({
      kind: "ignored",
      detail: "Postmark Bounce AutoResponder",
    });
  });

  it("takes the enhanced status code from the bounce's details", () => {
    const verdict = read(postmarkBounce("a@example.net", 80));
    expect(verdict).toMatchObject({ reports: [{ feedback: { status: "5.1.1" } }] });
  });

  it("refuses other credentials and says so for a body that is no Postmark record", () => {
    const body = JSON.stringify(postmarkBounce("a@example.net", 81));
    expect(postmarkVerdict(POSTMARK, basicAuth("postmark", "wrong"), body)).toMatchObject({
      kind: "refused",
      status: 403,
    });
    expect(postmarkVerdict(POSTMARK, "Bearer 0123456789abcdef", body)).toMatchObject({
      status: 403,
    });
    expect(postmarkVerdict(POSTMARK, AUTH, "<xml/>")).toEqual({
      kind: "invalid",
      detail: "not a Postmark record: the body is not JSON",
    });
  });
});

describe("SES notifications", () => {
  const mail = { source: "digest@digest.example.org", messageId: "<digest.2026-12-01.9@x.org>" };

  it("gives one report per recipient, each keyed by the SNS message and the address", () => {
    const notification = sesNotification("Bounce", ["a@example.net", "B@example.net"], mail);
    const reading = readSesNotification(JSON.stringify(notification), "sns-1");
    expect(reading).toMatchObject({
      kind: "reports",
      reports: [
        {
          email: "a@example.net",
          feedback: { kind: "hard", eventKey: "ses:sns-1:a@example.net", status: "5.1.1" },
        },
        { email: "B@example.net", feedback: { kind: "hard", eventKey: "ses:sns-1:b@example.net" } },
      ],
    });
    if (reading.kind !== "reports") throw new Error("no reports");
    expect(reading.reports[0]?.echoes).toEqual([mail.source, mail.messageId, mail.messageId]);
  });

  it("reads a Transient bounce as soft and ignores a not-spam report and a delivery", () => {
    const transient = sesNotification("Bounce", ["a@example.net"], mail, "Transient");
    expect(readSesNotification(JSON.stringify(transient), "sns-2")).toMatchObject({
      reports: [{ feedback: { kind: "soft" } }],
    });
    const notSpam = sesNotification("Complaint", ["a@example.net"], mail, "not-spam");
    expect(readSesNotification(JSON.stringify(notSpam), "sns-3").kind).toBe("ignored");
    const delivery = { notificationType: "Delivery", mail: notSpam.mail };
    expect(readSesNotification(JSON.stringify(delivery), "sns-4")).toEqual({
      kind: "ignored",
      detail: "SES Delivery",
    });
  });
});
