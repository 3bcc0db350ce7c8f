import { editKeywords } from "../../../src/subscribers/edit-keywords";

describe("editKeywords", () => {
  const current = ['"diffusion policy"', "robotics"];

  it("--set replaces, --add appends once, --remove matches the parsed query", () => {
    expect(editKeywords(current, { set: ["rl", " world  models "] })).toEqual([
      "rl",
      "world models",
    ]);
    expect(editKeywords(current, { add: ["robotics", "rl"] })).toEqual([
      '"diffusion policy"',
      "robotics",
      "rl",
    ]);
    expect(editKeywords(current, { remove: ["  robotics "] })).toEqual(['"diffusion policy"']);
    expect(editKeywords(current, { set: ["a"], add: ["b"], remove: ["a"] })).toEqual(["b"]);
  });

  it("refuses an edit that says nothing, removes what is not there, empties the list or does not parse", () => {
    expect(() => editKeywords(current, {})).toThrow(/--set <query>…, --add <query>…/);
    expect(() => editKeywords(current, { remove: ["quantum"] })).toThrow(
      /"quantum" is not one of the keywords \("diffusion policy"; robotics\)/,
    );
    expect(() => editKeywords(current, { remove: current })).toThrow(/at least one/);
    expect(() => editKeywords(current, { add: ['"unclosed'] })).toThrow(/unclosed|quote/i);
  });
});
