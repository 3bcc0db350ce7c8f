import { termKeys, type ChineseBridge } from "../match/chinese-terms";
import { toSimplified } from "./chinese-script";
import type { Glossary } from "./glossary";

const HAN = /\p{Script=Han}/u;

function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/**
 * The glossary both ways, for the matcher: the English terms of a Chinese one (扩散模型 →
 * "diffusion model"), and the Chinese of an English term by its matching keys. Every rendering
 * counts (zh and zhAlso: 增强学习 is reinforcement learning too); entries kept in English
 * (Transformer) bridge nothing.
 */
export function createChineseBridge(glossary: Glossary): ChineseBridge {
  const englishByZh = new Map<string, string[]>();
  const zhByKeys = new Map<string, string[]>();
  for (const term of glossary.terms) {
    const keys = termKeys(term.en).join(" ");
    for (const zh of [term.zh, ...(term.zhAlso ?? [])].filter((text) => HAN.test(text))) {
      add(englishByZh, zh, term.en);
      add(zhByKeys, keys, zh);
    }
  }
  return {
    toSimplified,
    englishFor: (zh) => englishByZh.get(zh) ?? [],
    chineseFor: (keys) => zhByKeys.get(keys.join(" ")) ?? [],
  };
}
