import { readVerpAddress, verpAddress } from "../../../src/mail/bounce-address";

const settings = { address: "bounces@digest.example.org", secret: "s".repeat(32) };

describe("the VERP bounce address", () => {
  it("names the delivery, and reads back to it (even lower-cased or in angle brackets)", () => {
    const address = verpAddress(settings, 123);
    expect(address).toMatch(/^bounces\+d123\.[0-9a-f]{10}@digest\.example\.org$/);
    expect(readVerpAddress(settings, address)).toEqual({ kind: "delivery", deliveryId: 123 });
    expect(readVerpAddress(settings, `<${address.toUpperCase()}>`)).toEqual({
      kind: "delivery",
      deliveryId: 123,
    });
  });

  it("refuses another delivery's id under a MAC, and a MAC made with another secret", () => {
    const mac = /\.([0-9a-f]+)@/.exec(verpAddress(settings, 123))?.[1] ?? "";
    expect(mac).toHaveLength(10);
    expect(readVerpAddress(settings, `bounces+d124.${mac}@digest.example.org`).kind).toBe("forged");
    const other = verpAddress({ ...settings, secret: "t".repeat(32) }, 123);
    expect(readVerpAddress(settings, other).kind).toBe("forged");
    expect(readVerpAddress(settings, "bounces+hello@digest.example.org").kind).toBe("forged");
  });

  it("is not about addresses of other mailboxes or domains", () => {
    expect(readVerpAddress(settings, "alice@digest.example.org").kind).toBe("none");
    expect(readVerpAddress(settings, verpAddress(settings, 5).replace(".org", ".net")).kind).toBe(
      "none",
    );
  });
});
