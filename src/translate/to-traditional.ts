import { createRequire } from "node:module";
import type { ConverterFunction, ConverterOptions } from "opencc-js" with {
  "resolution-mode": "import",
};

// opencc-js is an ES module package with a CommonJS (UMD) build beside it; TypeScript's node16
// resolution only sees the ESM types, so the build is loaded with require and typed from them.
// The cn2t build carries only the Simplified → Traditional dictionaries.
const loadCommonJs = createRequire(__filename);

let converter: ConverterFunction | undefined;

/** Converted texts are kept, so each paper is converted once per process however many read it. */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, string>();

/**
 * Simplified Chinese (zh-CN) as written in Taiwan (zh-TW), with Taiwan's words as well as its
 * characters (OpenCC "twp": 软件 → 軟體, 信息 → 資訊). No second translation request is made.
 */
export function toTraditional(text: string): string {
  const known = cache.get(text);
  if (known !== undefined) return known;
  converter ??= (
    loadCommonJs("opencc-js/cn2t") as { Converter(options: ConverterOptions): ConverterFunction }
  ).Converter({ from: "cn", to: "twp" });
  const converted = converter(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
  cache.set(text, converted);
  return converted;
}
