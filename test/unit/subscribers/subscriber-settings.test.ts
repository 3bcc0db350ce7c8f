import { InputError, QuerySyntaxError } from "../../../src/errors";
import {
  checkKeywords,
  checkLanguage,
  checkTimeZone,
} from "../../../src/subscribers/subscriber-settings";

describe("subscriber settings from outside", () => {
  it("accepts the two Chinese variants only", () => {
    expect(checkLanguage("zh-TW")).toBe("zh-TW");
    expect(() => checkLanguage("en")).toThrow(InputError);
  });

  it("accepts IANA time zones only", () => {
    expect(checkTimeZone(" Europe/Berlin ")).toBe("Europe/Berlin");
    for (const zone of ["Mars/Base", "", "x".repeat(65)]) {
      expect(() => checkTimeZone(zone)).toThrow(InputError);
    }
  });

  it("drops blank lines, bounds the count before parsing, and parses every query", () => {
    expect(checkKeywords(["  robots  ", "", " ", "Robots"])).toEqual(["robots"]);
    expect(() => checkKeywords(Array.from({ length: 21 }, (_, i) => `w${i}`))).toThrow(
      "21 keyword queries given; at most 20",
    );
    expect(() => checkKeywords(['"open'])).toThrow(QuerySyntaxError);
    expect(() => checkKeywords(["", ""])).toThrow("at least one keyword query");
  });
});
