import { verpAddress } from "../../../src/mail/bounce-address";
import { readReport } from "../../../src/inbound/read-report";
import { addressedToBounces, tieReport } from "../../../src/inbound/tie-report";
import { BOUNCE_FIXTURES, bounceFixture } from "../../support/bounce-fixtures";

const bounces = { address: "bounces@digest.example.org", secret: "k".repeat(40) };
const fill = { verp: verpAddress(bounces, 42), recipient: "alice@example.net" };

/** What each fixture must read as: the MTAs' hard and soft bounces, ARF, and a non-report. */
const EXPECTED: Record<string, { kind: string; report?: string; status?: string }> = {
  "postfix-dsn-hard.eml": { kind: "report", report: "hard", status: "5.1.1" },
  "postfix-dsn-delayed.eml": { kind: "report", report: "soft", status: "4.4.1" },
  "exim-hard.eml": { kind: "report", report: "hard", status: "5.0.0" },
  "exim-plain-hard.eml": { kind: "report", report: "hard" },
  "exim-delayed.eml": { kind: "report", report: "soft", status: "4.7.1" },
  "qmail-hard.eml": { kind: "report", report: "hard", status: "5.1.1" },
  "office365-ndr.eml": { kind: "report", report: "hard", status: "5.1.10" },
  "exchange-legacy-ndr.eml": { kind: "report", report: "hard", status: "5.1.1" },
  "gmail-hard.eml": { kind: "report", report: "hard", status: "5.1.1" },
  "gmail-plain-soft.eml": { kind: "report", report: "soft", status: "4.7.0" },
  "arf-complaint.eml": { kind: "report", report: "complaint" },
  "out-of-office.eml": { kind: "not-a-report" },
};

describe("reading bounces and complaints", () => {
  it("has an expectation for every fixture", () => {
    expect([...BOUNCE_FIXTURES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", async (name, expected) => {
    const source = bounceFixture(name, fill);
    expect(await readReport(source)).toMatchObject(expected);
    // Every one of them came back to the delivery's own address, and names it.
    expect(tieReport(source, bounces)).toEqual({ kind: "delivery", deliveryId: 42 });
  });

  it("leaves a person's mail to the commands, but not one sent to the bounce address", async () => {
    const person = Buffer.from(
      "From: ada@x.org\r\nTo: digest@digest.example.org\r\nSubject: hi\r\n\r\nhello\r\n",
    );
    expect(await readReport(person)).toEqual({ kind: "not-a-report" });
    expect(addressedToBounces(person, bounces)).toBe(false);
    expect(addressedToBounces(bounceFixture("out-of-office.eml", fill), bounces)).toBe(true);
  });

  it("reads a success notice and a not-spam report as needing no action", async () => {
    const delivered = bounceFixture("postfix-dsn-delayed.eml", fill)
      .toString()
      .replace("Action: delayed", "Action: delivered")
      .replace("Status: 4.4.1", "Status: 2.0.0")
      .replace(/THIS IS A WARNING ONLY\.\s+YOU DO NOT NEED TO RESEND YOUR MESSAGE\./, "");
    expect(await readReport(Buffer.from(delivered))).toMatchObject({ kind: "no-action" });
    const notSpam = bounceFixture("arf-complaint.eml", fill)
      .toString()
      .replace("Feedback-Type: abuse", "Feedback-Type: not-spam");
    expect(await readReport(Buffer.from(notSpam))).toMatchObject({ kind: "no-action" });
  });

  it("calls a report with another delivery's id under the MAC forged", () => {
    const forged = fill.verp.replace("+d42.", "+d43.");
    const source = bounceFixture("postfix-dsn-hard.eml", { ...fill, verp: forged });
    expect(tieReport(source, bounces)).toEqual({ kind: "forged", address: forged });
  });

  it("ties nothing without MAIL_BOUNCE_ADDRESS, or when the report names no delivery", () => {
    const source = bounceFixture("qmail-hard.eml", fill);
    expect(tieReport(source, undefined).kind).toBe("untied");
    const other = bounceFixture("qmail-hard.eml", { ...fill, verp: "digest@digest.example.org" });
    expect(tieReport(other, bounces).kind).toBe("untied");
  });
});
