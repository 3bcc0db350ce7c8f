import {
  canonicalCategory,
  categoryName,
  formatSubject,
  isArchive,
  isKnownCategory,
} from "../../../src/arxiv/taxonomy";

describe("taxonomy", () => {
  test.each([
    ["cs.IR", "Information Retrieval"],
    ["cs.AI", "Artificial Intelligence"],
    ["cs.LG", "Machine Learning"],
    ["stat.ML", "Machine Learning"],
    ["math.OC", "Optimization and Control"],
    ["cond-mat.str-el", "Strongly Correlated Electrons"],
    ["astro-ph.CO", "Cosmology and Nongalactic Astrophysics"],
    ["q-bio.QM", "Quantitative Methods"],
    ["eess.IV", "Image and Video Processing"],
    ["econ.GN", "General Economics"],
    ["hep-th", "High Energy Physics - Theory"],
    ["quant-ph", "Quantum Physics"],
    ["nlin.AO", "Adaptation and Self-Organizing Systems"],
    ["math.IT", "Information Theory"],
    ["cs.SY", "Systems and Control"],
    ["chao-dyn", "Chaotic Dynamics"],
    ["cmp-lg", "Computation and Language"],
    ["cs", "Computer Science"],
    ["physics", "Physics"],
    ["cond-mat", "Condensed Matter"],
    ["astro-ph", "Astrophysics"],
  ])("categoryName(%s) is %s", (code, name) => {
    expect(categoryName(code)).toBe(name);
  });

  test.each(["cs.XX", "CS.AI", "", "constructor", "__proto__", "toString", "hasOwnProperty"])(
    "%j is unknown",
    (code) => {
      expect(categoryName(code)).toBeUndefined();
      expect(isKnownCategory(code)).toBe(false);
      expect(isArchive(code)).toBe(false);
      expect(formatSubject(code)).toBe(code);
    },
  );

  test("formatSubject writes the name and the code, as arXiv's listings do", () => {
    expect(formatSubject("cs.IR")).toBe("Information Retrieval (cs.IR)");
    expect(formatSubject("physics.ao-ph")).toBe("Atmospheric and Oceanic Physics (physics.ao-ph)");
    expect(formatSubject("cs.ZZ")).toBe("cs.ZZ");
  });

  test.each([
    "cs",
    "math",
    "physics",
    "astro-ph",
    "cond-mat",
    "q-bio",
    "q-fin",
    "stat",
    "eess",
    "econ",
    "nlin",
    "hep-th",
    "gr-qc",
  ])("%s is an archive", (code) => {
    expect(isArchive(code)).toBe(true);
  });

  test("archives that are not categories are not known categories", () => {
    for (const code of ["cs", "math", "physics", "stat", "eess", "econ", "q-fin", "nlin"]) {
      expect(isKnownCategory(code)).toBe(false);
    }
    expect(isKnownCategory("hep-th")).toBe(true);
    expect(isArchive("cs.AI")).toBe(false);
  });

  test("aliases map to their canonical code", () => {
    expect(canonicalCategory("math.IT")).toBe("cs.IT");
    expect(canonicalCategory("cs.NA")).toBe("math.NA");
    expect(canonicalCategory("math.MP")).toBe("math-ph");
    expect(canonicalCategory("stat.TH")).toBe("math.ST");
    expect(canonicalCategory("q-fin.EC")).toBe("econ.GN");
    expect(canonicalCategory("cs.SY")).toBe("eess.SY");
    expect(canonicalCategory("cs.AI")).toBe("cs.AI");
  });

  test("holds arXiv's active categories, archive by archive", () => {
    // Counts per archive from arXiv's definitions (see the captures' SOURCES.md): 155 in all.
    const expected: Record<string, number> = {
      cs: 40,
      math: 32,
      physics: 22,
      "q-bio": 10,
      "cond-mat": 9,
      "q-fin": 9,
      "astro-ph": 6,
      stat: 6,
      nlin: 5,
      eess: 4,
      econ: 3,
    };
    const codes = [
      "cs",
      "math",
      "physics",
      "q-bio",
      "cond-mat",
      "q-fin",
      "astro-ph",
      "stat",
      "nlin",
      "eess",
      "econ",
    ];
    const subjectClasses: Record<string, string[]> = {
      cs: "AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL RO SC SD SE SI SY".split(
        " ",
      ),
      math: "AC AG AP AT CA CO CT CV DG DS FA GM GN GR GT HO IT KT LO MG MP NA NT OA OC PR QA RA RT SG SP ST".split(
        " ",
      ),
      physics:
        "acc-ph ao-ph app-ph atm-clus atom-ph bio-ph chem-ph class-ph comp-ph data-an ed-ph flu-dyn gen-ph geo-ph hist-ph ins-det med-ph optics plasm-ph pop-ph soc-ph space-ph".split(
          " ",
        ),
      "q-bio": "BM CB GN MN NC OT PE QM SC TO".split(" "),
      "cond-mat": "dis-nn mes-hall mtrl-sci other quant-gas soft stat-mech str-el supr-con".split(
        " ",
      ),
      "q-fin": "CP EC GN MF PM PR RM ST TR".split(" "),
      "astro-ph": "CO EP GA HE IM SR".split(" "),
      stat: "AP CO ME ML OT TH".split(" "),
      nlin: "AO CD CG PS SI".split(" "),
      eess: "AS IV SP SY".split(" "),
      econ: "EM GN TH".split(" "),
    };
    let total = 0;
    for (const archive of codes) {
      const classes = subjectClasses[archive] ?? [];
      expect(classes).toHaveLength(expected[archive] ?? -1);
      for (const cls of classes) {
        const code = `${archive}.${cls}`;
        expect([code, isKnownCategory(code)]).toEqual([code, true]);
        expect(categoryName(code)).toMatch(/^[A-Z]/);
      }
      total += classes.length;
    }
    const singles = [
      "gr-qc",
      "hep-ex",
      "hep-lat",
      "hep-ph",
      "hep-th",
      "math-ph",
      "nucl-ex",
      "nucl-th",
      "quant-ph",
    ];
    for (const code of singles) expect(isKnownCategory(code)).toBe(true);
    expect(total + singles.length).toBe(155);
  });
});
