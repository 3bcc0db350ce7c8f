import type { GlossaryEntry } from "./glossary";
import { EVALUATION_TERMS } from "./glossary-zh/evaluation";
import { GENERATIVE_TERMS } from "./glossary-zh/generative";
import { GRAPH_SPEECH_TERMS } from "./glossary-zh/graph-speech";
import { LLM_NLP_TERMS } from "./glossary-zh/llm-nlp";
import { ML_TERMS } from "./glossary-zh/ml";
import { RL_ROBOTICS_TERMS } from "./glossary-zh/rl-robotics";
import { VISION_TERMS } from "./glossary-zh/vision";

/**
 * Machine-learning terms and the Chinese the field uses for them (as 机器之心, Zhihu and Chinese
 * textbooks write them), one file per domain, extended by TRANSLATOR_GLOSSARY_FILE. Only terms
 * specific enough to be worth bridging: a bare "model" or "learning" would match every paper.
 * `avoid` lists only renderings that are wrong in any ML paper; ambiguous words such as 代理
 * (also "proxy") are not listed, the check re-asks instead (see check-translation.ts).
 */
export const GLOSSARY_ZH: readonly GlossaryEntry[] = [
  ...LLM_NLP_TERMS,
  ...ML_TERMS,
  ...VISION_TERMS,
  ...GENERATIVE_TERMS,
  ...RL_ROBOTICS_TERMS,
  ...GRAPH_SPEECH_TERMS,
  ...EVALUATION_TERMS,
];
