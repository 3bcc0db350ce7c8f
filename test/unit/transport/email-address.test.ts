import { normalizeEmail } from "../../../src/transport/email-address";

describe("normalizeEmail", () => {
  it.each([
    ["  Alice@Example.ORG ", "alice@example.org"],
    ["first.last+arxiv@sub.example.co.uk", "first.last+arxiv@sub.example.co.uk"],
  ])("accepts %j as %j", (raw, normalized) => expect(normalizeEmail(raw)).toBe(normalized));

  it.each([
    ["", /empty/],
    ["plain", /needs a name, an @/],
    ["a@b", /domain/],
    ["a@-b.org", /domain/],
    ["a b@example.org", /not allowed/],
    ["a@example.org\r\nBcc: x@y.org", /control character/],
    ['"quoted"@example.org', /not allowed/],
    [`${"x".repeat(65)}@example.org`, /longer than 64/],
    [`a@${"x".repeat(250)}.org`, /longer than 254/],
  ])("refuses %j", (raw, message) => expect(() => normalizeEmail(raw)).toThrow(message));
});
