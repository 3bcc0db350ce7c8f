import {
  boundLength,
  cleanAbstract,
  cleanTitle,
  decodeEntities,
  decodeTexAccents,
  repairMojibake,
} from "../../../src/arxiv/clean-feed-text";

describe("decodeTexAccents", () => {
  test.each([
    ['Link\\"oping', "Linköping"],
    ["Puyol-Ant\\'on", "Puyol-Antón"],
    ["Fr\\'ed\\'eric", "Frédéric"],
    ["Li\\`o", "Liò"],
    ["Beno\\^it", "Benoît"],
    ["Ma\\~nas", "Mañas"],
    ["Art\\=uras", "Artūras"],
    ["\\.Irfan", "İrfan"],
    ["B{\\l}a\\.zej", "Błażej"],
    ["Ba\\c{s}ar", "Başar"],
    ["Fran\\c{c}ois", "François"],
    ["Tom\\'a\\v{s}", "Tomáš"],
    ["\\v{S}kvor", "Škvor"],
    ["Sa\\u{g}tekin", "Sağtekin"],
    ["Wi\\'sniewi\\k{e}", "Wiśniewię"],
    ["Ram\\'{\\i}rez", "Ramírez"],
    ["Ram\\'\\i rez", "Ramírez"],
    ["B{\\i}y{\\i}k", "Bıyık"],
    ["Ke{\\ss}ler", "Keßler"],
    ["Mu\\ss{}mann", "Mußmann"],
    ["{\\L}ukasz", "Łukasz"],
    ["M{\\o}gelmose", "Møgelmose"],
    ['{\\"u}ber', "über"],
    ['\\"{U}nal', "Ünal"],
    ["ICC\\_MATRIX", "ICC_MATRIX"],
    ["F R\\&D Lab", "F R&D Lab"],
    ["No accents at all", "No accents at all"],
    ["\\unknown{command}", "\\unknown{command}"],
  ])("%s → %s", (tex, expected) => {
    expect(decodeTexAccents(tex)).toBe(expected);
  });

  test("composes to NFC, so names compare equal to typed ones", () => {
    expect(decodeTexAccents("Jos\\'e")).toBe("Jos\u00e9");
  });
});

describe("decodeEntities", () => {
  test.each([
    ["&plusmn;", "±"],
    ["&amp;plusmn;", "±"],
    ["Q&amp;A", "Q&A"],
    ["&#xe9;&#233;", "éé"],
    ["&lt;eos&gt;", "<eos>"],
    ["AT&T and R&D", "AT&T and R&D"],
    ["x &not y", "x &not y"],
    ["&unknownentity;", "&unknownentity;"],
  ])("%s → %s", (raw, expected) => {
    expect(decodeEntities(raw)).toBe(expected);
  });
});

describe("cleanAbstract and cleanTitle", () => {
  test("remove the announce header, with its trailing space and newline", () => {
    expect(
      cleanAbstract("arXiv:2501.08552v1 Announce Type: new \nAbstract: Procedural text."),
    ).toBe("Procedural text.");
    expect(
      cleanAbstract("arXiv:nlin/0408039v2 Announce Type: replace-cross \nAbstract: Old\n\nid."),
    ).toBe("Old id.");
  });

  test("keep an abstract that has no header, and LaTeX as written", () => {
    expect(cleanAbstract("  We prove $a \\le b$\n  for all \\textbf{x}.  ")).toBe(
      "We prove $a \\le b$ for all \\textbf{x}.",
    );
  });

  test("drop control characters that could break a header", () => {
    expect(cleanTitle("A\r\nB\u0000C\u0007")).toBe("A B C");
  });
});

describe("repairMojibake and boundLength", () => {
  test("repairs Windows-1252 mojibake", () => {
    expect(repairMojibake("pages 4083â€“4092, â€œquotedâ€\u009d")).toBe(
      "pages 4083–4092, “quoted”",
    );
  });

  test("bounds length with an ellipsis, never splitting a surrogate pair", () => {
    expect(boundLength("short", 10)).toBe("short");
    expect(boundLength("abcdefghij", 5)).toBe("abcd…");
    const cut = boundLength("ab😀cd", 4);
    expect(cut).toBe("ab…");
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});
