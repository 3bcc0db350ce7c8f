/**
 * arXiv's subject taxonomy: category codes, archives, aliases and retired codes with their names.
 *
 * Transcribed from arXiv's own definitions (arXiv/arxiv-base `arxiv/taxonomy/definitions.py`, as
 * extracted into the project's shared `arxiv-taxonomy*.json`). It is a literal table rather than a
 * file read at run time because the shared folder does not ship with the project, and because a
 * paper's category must get a name even when arXiv is unreachable. Regenerate it by hand if arXiv
 * adds categories; an unknown code still renders (as the bare code), so a missing entry only costs
 * a name.
 */

/** The 155 active categories (aliases included as their own keys, as arXiv lists them). */
const ACTIVE_CATEGORIES: Readonly<Record<string, string>> = {
  "astro-ph.CO": "Cosmology and Nongalactic Astrophysics",
  "astro-ph.EP": "Earth and Planetary Astrophysics",
  "astro-ph.GA": "Astrophysics of Galaxies",
  "astro-ph.HE": "High Energy Astrophysical Phenomena",
  "astro-ph.IM": "Instrumentation and Methods for Astrophysics",
  "astro-ph.SR": "Solar and Stellar Astrophysics",
  "cond-mat.dis-nn": "Disordered Systems and Neural Networks",
  "cond-mat.mes-hall": "Mesoscale and Nanoscale Physics",
  "cond-mat.mtrl-sci": "Materials Science",
  "cond-mat.other": "Other Condensed Matter",
  "cond-mat.quant-gas": "Quantum Gases",
  "cond-mat.soft": "Soft Condensed Matter",
  "cond-mat.stat-mech": "Statistical Mechanics",
  "cond-mat.str-el": "Strongly Correlated Electrons",
  "cond-mat.supr-con": "Superconductivity",
  "cs.AI": "Artificial Intelligence",
  "cs.AR": "Hardware Architecture",
  "cs.CC": "Computational Complexity",
  "cs.CE": "Computational Engineering, Finance, and Science",
  "cs.CG": "Computational Geometry",
  "cs.CL": "Computation and Language",
  "cs.CR": "Cryptography and Security",
  "cs.CV": "Computer Vision and Pattern Recognition",
  "cs.CY": "Computers and Society",
  "cs.DB": "Databases",
  "cs.DC": "Distributed, Parallel, and Cluster Computing",
  "cs.DL": "Digital Libraries",
  "cs.DM": "Discrete Mathematics",
  "cs.DS": "Data Structures and Algorithms",
  "cs.ET": "Emerging Technologies",
  "cs.FL": "Formal Languages and Automata Theory",
  "cs.GL": "General Literature",
  "cs.GR": "Graphics",
  "cs.GT": "Computer Science and Game Theory",
  "cs.HC": "Human-Computer Interaction",
  "cs.IR": "Information Retrieval",
  "cs.IT": "Information Theory",
  "cs.LG": "Machine Learning",
  "cs.LO": "Logic in Computer Science",
  "cs.MA": "Multiagent Systems",
  "cs.MM": "Multimedia",
  "cs.MS": "Mathematical Software",
  "cs.NA": "Numerical Analysis",
  "cs.NE": "Neural and Evolutionary Computing",
  "cs.NI": "Networking and Internet Architecture",
  "cs.OH": "Other Computer Science",
  "cs.OS": "Operating Systems",
  "cs.PF": "Performance",
  "cs.PL": "Programming Languages",
  "cs.RO": "Robotics",
  "cs.SC": "Symbolic Computation",
  "cs.SD": "Sound",
  "cs.SE": "Software Engineering",
  "cs.SI": "Social and Information Networks",
  "cs.SY": "Systems and Control",
  "econ.EM": "Econometrics",
  "econ.GN": "General Economics",
  "econ.TH": "Theoretical Economics",
  "eess.AS": "Audio and Speech Processing",
  "eess.IV": "Image and Video Processing",
  "eess.SP": "Signal Processing",
  "eess.SY": "Systems and Control",
  "gr-qc": "General Relativity and Quantum Cosmology",
  "hep-ex": "High Energy Physics - Experiment",
  "hep-lat": "High Energy Physics - Lattice",
  "hep-ph": "High Energy Physics - Phenomenology",
  "hep-th": "High Energy Physics - Theory",
  "math-ph": "Mathematical Physics",
  "math.AC": "Commutative Algebra",
  "math.AG": "Algebraic Geometry",
  "math.AP": "Analysis of PDEs",
  "math.AT": "Algebraic Topology",
  "math.CA": "Classical Analysis and ODEs",
  "math.CO": "Combinatorics",
  "math.CT": "Category Theory",
  "math.CV": "Complex Variables",
  "math.DG": "Differential Geometry",
  "math.DS": "Dynamical Systems",
  "math.FA": "Functional Analysis",
  "math.GM": "General Mathematics",
  "math.GN": "General Topology",
  "math.GR": "Group Theory",
  "math.GT": "Geometric Topology",
  "math.HO": "History and Overview",
  "math.IT": "Information Theory",
  "math.KT": "K-Theory and Homology",
  "math.LO": "Logic",
  "math.MG": "Metric Geometry",
  "math.MP": "Mathematical Physics",
  "math.NA": "Numerical Analysis",
  "math.NT": "Number Theory",
  "math.OA": "Operator Algebras",
  "math.OC": "Optimization and Control",
  "math.PR": "Probability",
  "math.QA": "Quantum Algebra",
  "math.RA": "Rings and Algebras",
  "math.RT": "Representation Theory",
  "math.SG": "Symplectic Geometry",
  "math.SP": "Spectral Theory",
  "math.ST": "Statistics Theory",
  "nlin.AO": "Adaptation and Self-Organizing Systems",
  "nlin.CD": "Chaotic Dynamics",
  "nlin.CG": "Cellular Automata and Lattice Gases",
  "nlin.PS": "Pattern Formation and Solitons",
  "nlin.SI": "Exactly Solvable and Integrable Systems",
  "nucl-ex": "Nuclear Experiment",
  "nucl-th": "Nuclear Theory",
  "physics.acc-ph": "Accelerator Physics",
  "physics.ao-ph": "Atmospheric and Oceanic Physics",
  "physics.app-ph": "Applied Physics",
  "physics.atm-clus": "Atomic and Molecular Clusters",
  "physics.atom-ph": "Atomic Physics",
  "physics.bio-ph": "Biological Physics",
  "physics.chem-ph": "Chemical Physics",
  "physics.class-ph": "Classical Physics",
  "physics.comp-ph": "Computational Physics",
  "physics.data-an": "Data Analysis, Statistics and Probability",
  "physics.ed-ph": "Physics Education",
  "physics.flu-dyn": "Fluid Dynamics",
  "physics.gen-ph": "General Physics",
  "physics.geo-ph": "Geophysics",
  "physics.hist-ph": "History and Philosophy of Physics",
  "physics.ins-det": "Instrumentation and Detectors",
  "physics.med-ph": "Medical Physics",
  "physics.optics": "Optics",
  "physics.plasm-ph": "Plasma Physics",
  "physics.pop-ph": "Popular Physics",
  "physics.soc-ph": "Physics and Society",
  "physics.space-ph": "Space Physics",
  "q-bio.BM": "Biomolecules",
  "q-bio.CB": "Cell Behavior",
  "q-bio.GN": "Genomics",
  "q-bio.MN": "Molecular Networks",
  "q-bio.NC": "Neurons and Cognition",
  "q-bio.OT": "Other Quantitative Biology",
  "q-bio.PE": "Populations and Evolution",
  "q-bio.QM": "Quantitative Methods",
  "q-bio.SC": "Subcellular Processes",
  "q-bio.TO": "Tissues and Organs",
  "q-fin.CP": "Computational Finance",
  "q-fin.EC": "Economics",
  "q-fin.GN": "General Finance",
  "q-fin.MF": "Mathematical Finance",
  "q-fin.PM": "Portfolio Management",
  "q-fin.PR": "Pricing of Securities",
  "q-fin.RM": "Risk Management",
  "q-fin.ST": "Statistical Finance",
  "q-fin.TR": "Trading and Market Microstructure",
  "quant-ph": "Quantum Physics",
  "stat.AP": "Applications",
  "stat.CO": "Computation",
  "stat.ME": "Methodology",
  "stat.ML": "Machine Learning",
  "stat.OT": "Other Statistics",
  "stat.TH": "Statistics Theory",
};

/**
 * Codes arXiv no longer assigns but that old papers still carry as their primary category
 * (e.g. `chao-dyn/9901001`), so an old paper met in a replacement still gets a subject name.
 */
const RETIRED_CATEGORIES: Readonly<Record<string, string>> = {
  "acc-phys": "Accelerator Physics",
  "adap-org": "Adaptation, Noise, and Self-Organizing Systems",
  "alg-geom": "Algebraic Geometry",
  "ao-sci": "Atmospheric-Oceanic Sciences",
  "astro-ph": "Astrophysics",
  "atom-ph": "Atomic, Molecular and Optical Physics",
  "bayes-an": "Bayesian Analysis",
  "chao-dyn": "Chaotic Dynamics",
  "chem-ph": "Chemical Physics",
  "cmp-lg": "Computation and Language",
  "comp-gas": "Cellular Automata and Lattice Gases",
  "cond-mat": "Condensed Matter",
  "dg-ga": "Differential Geometry",
  "funct-an": "Functional Analysis",
  "mtrl-th": "Materials Theory",
  "patt-sol": "Pattern Formation and Solitons",
  "plasm-ph": "Plasma Physics",
  "q-alg": "Quantum Algebra and Topology",
  "q-bio": "Quantitative Biology",
  "solv-int": "Exactly Solvable and Integrable Systems",
  "supr-con": "Superconductivity",
};

/** Active archives: the part before the dot, and what whole-archive feeds (`/rss/physics`) name. */
const ARCHIVES: Readonly<Record<string, string>> = {
  "astro-ph": "Astrophysics",
  "cond-mat": "Condensed Matter",
  cs: "Computer Science",
  econ: "Economics",
  eess: "Electrical Engineering and Systems Science",
  "gr-qc": "General Relativity and Quantum Cosmology",
  "hep-ex": "High Energy Physics - Experiment",
  "hep-lat": "High Energy Physics - Lattice",
  "hep-ph": "High Energy Physics - Phenomenology",
  "hep-th": "High Energy Physics - Theory",
  math: "Mathematics",
  "math-ph": "Mathematical Physics",
  nlin: "Nonlinear Sciences",
  "nucl-ex": "Nuclear Experiment",
  "nucl-th": "Nuclear Theory",
  physics: "Physics",
  "q-bio": "Quantitative Biology",
  "q-fin": "Quantitative Finance",
  "quant-ph": "Quantum Physics",
  stat: "Statistics",
};

/** Codes that are the same category under two names (alias → canonical). */
const CATEGORY_ALIASES: Readonly<Record<string, string>> = {
  "cs.NA": "math.NA",
  "cs.SY": "eess.SY",
  "math.IT": "cs.IT",
  "math.MP": "math-ph",
  "q-fin.EC": "econ.GN",
  "stat.TH": "math.ST",
};

// Maps, not the object literals, answer lookups: a plain object would "know" codes such as
// "constructor" or "__proto__" through its prototype, and codes come from untrusted feeds.
const CATEGORY_NAMES = new Map<string, string>([
  ...Object.entries(RETIRED_CATEGORIES),
  ...Object.entries(ACTIVE_CATEGORIES),
]);
const ARCHIVE_NAMES = new Map<string, string>(Object.entries(ARCHIVES));
const ALIASES = new Map<string, string>(Object.entries(CATEGORY_ALIASES));

/**
 * The canonical code for a category: an alias such as `math.IT` becomes `cs.IT`; any other code is
 * returned unchanged. Use it before comparing or de-duplicating codes from different sources.
 */
export function canonicalCategory(code: string): string {
  return ALIASES.get(code) ?? code;
}

/**
 * The English name of a category (`cs.IR` → "Information Retrieval"), of a retired category
 * (`chao-dyn` → "Chaotic Dynamics") or of an archive (`cs` → "Computer Science"); `undefined`
 * for a code arXiv never defined. Codes are case-sensitive, as arXiv writes them.
 */
export function categoryName(code: string): string | undefined {
  return (
    CATEGORY_NAMES.get(code) ??
    CATEGORY_NAMES.get(canonicalCategory(code)) ??
    ARCHIVE_NAMES.get(code)
  );
}

/**
 * A subject as arXiv's listings print it, "Information Retrieval (cs.IR)"; just the code when the
 * code is unknown, so a category added by arXiv after this table still shows something true.
 */
export function formatSubject(code: string): string {
  const name = categoryName(code);
  return name === undefined ? code : `${name} (${code})`;
}

/**
 * Whether arXiv defines this category code (active, alias or retired). Archives that are not also
 * categories (`cs`, `math`, `physics`) are not categories: see {@link isArchive}.
 */
export function isKnownCategory(code: string): boolean {
  return CATEGORY_NAMES.has(code);
}

/**
 * Whether the code names a whole archive (`cs`, `math`, `physics`, `astro-ph`, `cond-mat`, and the
 * one-category archives such as `hep-th`); arXiv serves a feed for each (`/rss/physics`).
 */
export function isArchive(code: string): boolean {
  return ARCHIVE_NAMES.has(code);
}
