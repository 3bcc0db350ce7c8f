import { splitAuthors } from "../../../src/arxiv/split-authors";

describe("splitAuthors", () => {
  test.each<[string, string, string[]]>([
    [
      "plain list",
      "Xiaocong Chen, Siyu Wang, Lina Yao",
      ["Xiaocong Chen", "Siyu Wang", "Lina Yao"],
    ],
    ["one author", "Chen Placeholder", ["Chen Placeholder"]],
    ["empty", "", []],
    ["only spaces and commas", "  ,  , ", []],
    [
      "commas inside an affiliation",
      "Ann A (Dept. X, Univ. Y, City, Country), Bob B (Lab Z)",
      ["Ann A (Dept. X, Univ. Y, City, Country)", "Bob B (Lab Z)"],
    ],
    [
      "' and ' inside an affiliation",
      "Ann A (Brigham and Women's Hospital, Boston), Bob B",
      ["Ann A (Brigham and Women's Hospital, Boston)", "Bob B"],
    ],
    ["a final ' and '", "Ann A, Bob B and Cid C", ["Ann A", "Bob B", "Cid C"]],
    ["', and ' (Oxford comma)", "Ann A, Bob B, and Cid C", ["Ann A", "Bob B", "Cid C"]],
    ["' and ' only between two", "Ann A and Bob B", ["Ann A", "Bob B"]],
    [
      "' and ' in the last author's affiliation stays",
      "Ann A, Bob B (Science and Technology Institute)",
      ["Ann A", "Bob B (Science and Technology Institute)"],
    ],
    [
      "mononym double space",
      "Anamta Khan, Ratna Kandala,  Deepti, Sheza Munir",
      ["Anamta Khan", "Ratna Kandala", "Deepti", "Sheza Munir"],
    ],
    ["inner double spaces and line breaks", "Ann   A,\n  Bob\tB", ["Ann A", "Bob B"]],
    [
      "brackets count like parentheses",
      "Ann A [Team X, Group Y], Bob B",
      ["Ann A [Team X, Group Y]", "Bob B"],
    ],
    [
      "nested parentheses",
      "Ann A (Lab (West, North), Univ), Bob B",
      ["Ann A (Lab (West, North), Univ)", "Bob B"],
    ],
    [
      "an unclosed parenthesis does not swallow the rest",
      "Ann A (Univ X, Bob B, Cid C",
      ["Ann A (Univ X", "Bob B", "Cid C"],
    ],
    ["a stray closing parenthesis", "Ann A), Bob B", ["Ann A)", "Bob B"]],
    ["TeX is left for the caller", 'Lars Link\\"oping, Bo B', ['Lars Link\\"oping', "Bo B"]],
  ])("%s", (_what, creator, expected) => {
    expect(splitAuthors(creator)).toEqual(expected);
  });

  test("a 3,000-author list splits in linear time", () => {
    const names = Array.from(
      { length: 3_000 },
      (_, i) => `Author Number${i} (Institute ${i}, City, Country)`,
    );
    const started = process.hrtime.bigint();
    const result = splitAuthors(names.join(", "));
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(result).toEqual(names);
    // Generous: a quadratic scan of this ~150 kB string would take seconds.
    expect(elapsedMs).toBeLessThan(500);
  });
});
