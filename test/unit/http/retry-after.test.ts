import { retryAfterMs } from "../../../src/http/retry-after";

describe("retryAfterMs", () => {
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ["120", 120_000],
    ["Thu, 01 Jan 1970 00:00:10 GMT", 5_000],
    ["soon", undefined],
  ])("%j → %j", (header, ms) => expect(retryAfterMs(header, 5_000)).toBe(ms));
});
