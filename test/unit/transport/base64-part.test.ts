import { base64Part } from "../../../src/transport/base64-part";

describe("base64Part", () => {
  const body = `${"强化学习 reinforcement learning <b>&amp;</b> ".repeat(200)}end`;
  const { raw } = base64Part("text/html", body);
  const [head = "", encoded = ""] = raw.split("\r\n\r\n");

  it("names its type, UTF-8 and base64 in its headers", () => {
    expect(head).toBe(
      "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64",
    );
  });

  it("cuts the body into CRLF lines of at most 76 characters, the last one without CRLF", () => {
    const lines = encoded.split("\r\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    expect(lines.slice(0, -1).every((line) => line.length === 76)).toBe(true);
    expect(encoded).not.toMatch(/\r\n$/);
    expect(encoded).not.toMatch(/[^A-Za-z0-9+/=\r\n]/);
  });

  it("decodes to the body, byte for byte", () => {
    expect(Buffer.from(encoded.replace(/\r\n/g, ""), "base64").toString("utf8")).toBe(body);
  });
});
