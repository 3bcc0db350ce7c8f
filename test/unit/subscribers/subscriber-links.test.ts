import { confirmUrl, manageUrl, parseLinkKey } from "../../../src/subscribers/subscriber-links";

const TOKEN = "abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE";

describe("subscriber links", () => {
  it("builds confirm and manage links that parse back", () => {
    expect(confirmUrl("https://d.example.org", 7, TOKEN)).toBe(
      `https://d.example.org/confirm/7.${TOKEN}`,
    );
    expect(manageUrl("https://d.example.org", 7, TOKEN)).toBe(
      `https://d.example.org/manage/m7.${TOKEN}`,
    );
    expect(parseLinkKey(`7.${TOKEN}`)).toEqual({ manage: false, id: 7, token: TOKEN });
    expect(parseLinkKey(`m7.${TOKEN}`)).toEqual({ manage: true, id: 7, token: TOKEN });
  });

  it("refuses anything that cannot be one of ours", () => {
    for (const key of [
      "",
      "7.short",
      `x7.${TOKEN}`,
      `7.${TOKEN}/../x`,
      `7.${TOKEN}%00`,
      `1234567890123.${TOKEN}`,
      `7.${"a".repeat(101)}`,
      `-7.${TOKEN}`,
    ]) {
      expect(parseLinkKey(key)).toBeUndefined();
    }
  });
});
