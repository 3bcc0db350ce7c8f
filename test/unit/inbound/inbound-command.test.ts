import { readInboundCommand, subjectVerb } from "../../../src/inbound/inbound-command";

describe("subjectVerb", () => {
  it.each([
    ["subscribe", "subscribe", "zh-CN"],
    ["  SUBSCRIBE. ", "subscribe", "zh-CN"],
    ["Re: RE: Fwd: keywords", "keywords", "zh-CN"],
    ["回复：退订", "unsubscribe", "zh-CN"],
    ["訂閱", "subscribe", "zh-TW"],
    ["關鍵字", "keywords", "zh-TW"],
    ["取消訂閱！", "unsubscribe", "zh-TW"],
  ])("%j names %s (%s)", (subject, verb, script) => {
    expect(subjectVerb(subject)).toEqual({ verb, script });
  });

  it.each(["", "subscribe me please", "Thanks for the digest", "constructor", "__proto__"])(
    "%j is not a command",
    (subject) => expect(subjectVerb(subject)).toBeUndefined(),
  );
});

describe("readInboundCommand", () => {
  it("reads one query per line, duplicates folded, as the subscriber wrote them", () => {
    expect(
      readInboundCommand("subscribe", '"diffusion policy"\n"Diffusion  Policy"\nti:robot'),
    ).toEqual({
      kind: "subscribe",
      queries: ['"diffusion policy"', "ti:robot"],
      script: "zh-CN",
    });
  });

  it("reads keywords typed in Chinese, in either script, under a Chinese subject", () => {
    expect(readInboundCommand("订阅", "扩散策略\nti:世界模型 -综述\n擴散模型 OR 强化学习")).toEqual(
      {
        kind: "subscribe",
        queries: ["扩散策略", "ti:世界模型 -综述", "擴散模型 OR 强化学习"],
        script: "zh-CN",
      },
    );
  });

  it("ignores the body of an unsubscribe mail", () => {
    expect(readInboundCommand("unsubscribe", 'ti:"broken')).toEqual({
      kind: "unsubscribe",
      script: "zh-CN",
    });
  });

  it("names every line that does not parse, with its number and the parser's message", () => {
    const command = readInboundCommand("keywords", 'robots\n\nti:"world model\n(a OR\n');
    expect(command).toMatchObject({ kind: "invalid", verb: "keywords" });
    const problems = command.kind === "invalid" ? command.problems : [];
    expect(problems.map((p) => [p.line, p.text])).toEqual([
      [3, 'ti:"world model'],
      [4, "(a OR"],
    ]);
    expect(problems[0]?.message).toContain('ti:"world model');
  });

  it("refuses a line over 100 characters, more than 20 lines, and an empty body", () => {
    const long = readInboundCommand("subscribe", "a".repeat(101));
    expect(long.kind === "invalid" && long.problems[0]?.line).toBe(1);
    const many = readInboundCommand(
      "subscribe",
      Array.from({ length: 21 }, (_, i) => `q${i}`).join("\n"),
    );
    expect(many.kind === "invalid" && many.problems[0]?.message).toContain("at most 20");
    const empty = readInboundCommand("subscribe", "\n-- \nAda");
    expect(empty.kind === "invalid" && empty.problems[0]?.message).toContain("one query per line");
  });

  it("is no command when the subject names none", () => {
    expect(readInboundCommand("Hello", "robots")).toEqual({ kind: "none" });
  });
});
