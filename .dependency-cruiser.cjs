/**
 * The folder layering of docs/architecture.md, checked on every `npm run lint`. A folder may
 * import only from the folders listed before it; db/ implements the stages' ports, so it comes
 * after them; only db/ touches Prisma, its generated client or the PostgreSQL driver.
 */
const LAYERS = [
  ["errors", "logger", "on-demand", "http"],
  ["transport"],
  ["arxiv"],
  ["match"],
  ["translate"],
  ["subscribers"],
  ["digest"],
  ["mail"],
  ["inbound"],
  ["scheduler"],
  ["web"],
  ["metrics"],
  ["config"],
  ["db", "generated"],
  ["ops"],
  ["container"],
  ["cli"],
];

/** `src/<name>/…` for a folder, `src/<name>.ts` for a top-level module. */
const pathOf = (names) => `^src/(${names.join("|")})(/|\\.ts$)`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join("-")}`,
  comment: `${layer.join(", ")} may import only from the layers below it (docs/architecture.md)`,
  severity: "error",
  from: { path: pathOf(layer) },
  to: { path: pathOf(LAYERS.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycles, not even through type imports",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "prisma-only-in-db",
      comment: "Only src/db touches Prisma, its generated client or SQL drivers",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(db|generated)/" },
      to: { path: ["^src/generated/", "node_modules/(@prisma|pg|better-sqlite3)/"] },
    },
    ...layerRules,
  ],
  options: {
    // Prisma's generated client is a leaf here: its own inner cycles are not ours to fix.
    doNotFollow: { path: ["node_modules", "^src/generated/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
