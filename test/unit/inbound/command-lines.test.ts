import { commandLines, MAX_BODY_LINES } from "../../../src/inbound/command-lines";

const texts = (body: string) => commandLines(body).map((line) => line.text);

describe("commandLines", () => {
  it("keeps each non-blank line, trimmed, with its line number in the body", () => {
    expect(commandLines('\n  "diffusion policy"  \r\n\r\nti:transformer\n')).toEqual([
      { number: 2, text: '"diffusion policy"' },
      { number: 4, text: "ti:transformer" },
    ]);
  });

  it("stops at a signature, with or without the space of '-- '", () => {
    expect(texts("robots\n-- \nAda Lovelace\nLab of Engines")).toEqual(["robots"]);
    expect(texts("robots\n--\nAda")).toEqual(["robots"]);
  });

  it("skips quoted lines and the attribution line, so text below a quote still counts", () => {
    const body =
      "robots\n\nOn Mon, 3 Nov 2026, Bob <b@x.org> wrote:\n> old query\n>> older\ngrasping";
    expect(texts(body)).toEqual(["robots", "grasping"]);
    expect(texts("机器人\n2026年11月3日 Bob 写道：\n> 旧")).toEqual(["机器人"]);
  });

  it("stops at an Outlook original, a forward and a phone's footer", () => {
    expect(texts("robots\n-----Original Message-----\nFrom: x")).toEqual(["robots"]);
    expect(texts("robots\n________________________________\nFrom: x")).toEqual(["robots"]);
    expect(texts("robots\n---------- Forwarded message ---------\nx")).toEqual(["robots"]);
    expect(texts("robots\nSent from my iPhone")).toEqual(["robots"]);
    expect(texts("robots\n发自我的iPhone")).toEqual(["robots"]);
  });

  it("removes zero-width characters and byte-order marks clients leave in text", () => {
    expect(texts("\ufeffro\u200bbots\n\u200b\n")).toEqual(["robots"]);
  });

  it(`reads at most ${MAX_BODY_LINES} lines of a body`, () => {
    const body = Array.from({ length: MAX_BODY_LINES + 50 }, (_, i) => `q${i}`).join("\n");
    expect(commandLines(body)).toHaveLength(MAX_BODY_LINES);
  });
});
