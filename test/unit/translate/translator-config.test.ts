import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../../src/config";
import { ConfigError } from "../../../src/errors";
import { createTranslator } from "../../../src/translate/create-translator";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("translator settings", () => {
  it("defaults to no translation", () => {
    const config = loadConfig({});
    expect(config.translator).toMatchObject({ provider: "none", maxPapers: 500, glossary: [] });
    expect(createTranslator(config.translator)).toBeUndefined();
  });

  it("wants a key for OpenAI's own endpoint, and none for a server named by TRANSLATOR_BASE_URL", () => {
    expect(problems({ TRANSLATOR: "openai" })).toEqual([
      expect.stringMatching(/^TRANSLATOR_API_KEY is required for TRANSLATOR=openai/),
    ]);
    const ollama = loadConfig({
      TRANSLATOR: "openai",
      TRANSLATOR_BASE_URL: "http://localhost:11434/v1",
      TRANSLATOR_MODEL: "qwen2.5:7b",
    });
    expect(createTranslator(ollama.translator)?.translator.provider).toBe("openai:qwen2.5:7b");
  });

  it("always wants a key for DeepL", () => {
    expect(problems({ TRANSLATOR: "deepl" })).toEqual([
      expect.stringMatching(/^TRANSLATOR_API_KEY is required for TRANSLATOR=deepl/),
    ]);
    const deepl = loadConfig({ TRANSLATOR: "deepl", TRANSLATOR_API_KEY: "k:fx" });
    expect(createTranslator(deepl.translator)?.translator.maxBatchSize).toBe(25);
  });

  it("names a bad provider, URL or number", () => {
    const found = problems({
      TRANSLATOR: "google",
      TRANSLATOR_BASE_URL: "localhost:11434",
      TRANSLATOR_MAX_PAPERS: "-1",
    });
    expect(found.map((p) => p.split(" ")[0])).toEqual([
      "TRANSLATOR",
      "TRANSLATOR_BASE_URL",
      "TRANSLATOR_MAX_PAPERS",
    ]);
  });

  it("reads the operator's glossary at start and names its bad lines", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "glossary-"));
    const good = path.join(dir, "good.txt");
    fs.writeFileSync(good, "rollout = 推演\n");
    expect(loadConfig({ TRANSLATOR_GLOSSARY_FILE: good }).translator.glossary).toEqual([
      { en: "rollout", zh: "推演" },
    ]);
    const bad = path.join(dir, "bad.txt");
    fs.writeFileSync(bad, "rollout: 推演\n");
    expect(problems({ TRANSLATOR_GLOSSARY_FILE: bad })).toEqual([
      `TRANSLATOR_GLOSSARY_FILE ${JSON.stringify(bad)} line 1: expected "english = 中文", got "rollout: 推演"`,
    ]);
  });
});
