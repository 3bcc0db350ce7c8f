import { createRequire } from "node:module";
import type { ConverterFunction, ConverterOptions } from "opencc-js" with {
  "resolution-mode": "import",
};

// opencc-js is an ES module package with a CommonJS (UMD) build beside it; TypeScript's node16
// resolution only sees the ESM types, so the build is loaded with require and typed from them.
// Each direction's build carries only its own dictionaries.
const loadCommonJs = createRequire(__filename);

/** Converted texts are kept, so each paper is converted once per process however many read it. */
const CACHE_LIMIT = 20_000;

/** A cached OpenCC conversion, its dictionaries loaded on first use. */
function cachedConverter(build: "cn2t" | "t2cn", options: ConverterOptions) {
  let converter: ConverterFunction | undefined;
  const cache = new Map<string, string>();
  return (text: string): string => {
    const known = cache.get(text);
    if (known !== undefined) return known;
    converter ??= (
      loadCommonJs(`opencc-js/${build}`) as {
        Converter(options: ConverterOptions): ConverterFunction;
      }
    ).Converter(options);
    const converted = converter(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
    cache.set(text, converted);
    return converted;
  };
}

/**
 * Simplified Chinese (zh-CN) as written in Taiwan (zh-TW), with Taiwan's words as well as its
 * characters (OpenCC "twp": 软件 → 軟體, 信息 → 資訊). No second translation request is made.
 */
export const toTraditional = cachedConverter("cn2t", { from: "cn", to: "twp" });

/**
 * Traditional Chinese as typed in Taiwan or Hong Kong, in Simplified (OpenCC "twp" → "cn": 擴散模型
 * → 扩散模型, 軟體 → 软件), so a keyword typed in either script meets the stored zh-CN text.
 */
export const toSimplified = cachedConverter("t2cn", { from: "twp", to: "cn" });
