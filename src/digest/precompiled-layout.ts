import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  compileDigestLayout,
  DEFAULT_TEMPLATE,
  type CompiledDigestLayout,
} from "./compile-digest-layout";

/**
 * emails/digest.mjml compiled by `npm run build`, beside the compiled code (dist/digest/). A
 * process that reads it never loads MJML (56 MB resident, a second of start-up): `send` to
 * thousands of subscribers stays small. Under ts-node or jest (src/) there is none, so tests
 * always compile the layout they read.
 */
const PRECOMPILED = path.join(__dirname, "digest-layout.json");

interface Precompiled {
  key: string;
  layout: CompiledDigestLayout;
}

/**
 * The default layout, precompiled when what it was made from is unchanged (see `layoutKey`),
 * else compiled now; any other file is always compiled.
 */
export async function loadDigestLayout(file = DEFAULT_TEMPLATE): Promise<CompiledDigestLayout> {
  if (file === DEFAULT_TEMPLATE) {
    const stored = await readPrecompiled();
    if (stored && stored.key === (await layoutKey(file))) return stored.layout;
  }
  return compileDigestLayout(file);
}

/** The build step: compiles the default layout and stores it with its key. */
export async function writePrecompiledLayout(): Promise<void> {
  const stored: Precompiled = {
    key: await layoutKey(DEFAULT_TEMPLATE),
    layout: await compileDigestLayout(DEFAULT_TEMPLATE),
  };
  await fs.writeFile(PRECOMPILED, `${JSON.stringify(stored)}\n`);
}

async function readPrecompiled(): Promise<Precompiled | undefined> {
  const text = await fs.readFile(PRECOMPILED, "utf8").catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as Precompiled);
}

/**
 * What a compiled layout depends on: every .mjml file of the layout's folder (partials
 * included), the compiler's own code, and MJML's version. An edited template, a changed
 * compiler or another MJML each make a precompiled layout stale.
 */
export async function layoutKey(file: string): Promise<string> {
  const folder = path.dirname(file);
  const sources = (await fs.readdir(folder, { recursive: true }))
    .filter((name) => name.endsWith(".mjml"))
    .sort();
  const hash = crypto.createHash("sha256");
  for (const name of sources) {
    hash.update(`${name}\0`).update(await fs.readFile(path.join(folder, name)));
  }
  hash.update(await fs.readFile(require.resolve("./compile-digest-layout")));
  hash.update(await fs.readFile(require.resolve("mjml/package.json")));
  return hash.digest("hex");
}
