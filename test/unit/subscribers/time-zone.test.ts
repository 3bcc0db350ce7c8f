import { isTimeZone } from "../../../src/subscribers/time-zone";

describe("isTimeZone", () => {
  it("accepts IANA names the runtime knows", () => {
    for (const zone of ["Asia/Shanghai", "America/New_York", "UTC", "Etc/GMT+8"]) {
      expect(isTimeZone(zone)).toBe(true);
    }
  });

  it("refuses unknown names and luxon's own specifiers", () => {
    for (const zone of ["Mars/Base", "", " Asia/Shanghai", "system", "local", "UTC+8"]) {
      expect(isTimeZone(zone)).toBe(false);
    }
  });
});
