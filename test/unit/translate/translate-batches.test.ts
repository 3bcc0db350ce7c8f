import { Glossary } from "../../../src/translate/glossary";
import { GLOSSARY_ZH } from "../../../src/translate/glossary-zh";
import { splitEvenly, translateInBatches } from "../../../src/translate/translate-batches";
import { DEFAULT_TRANSLATE_POLICY } from "../../../src/translate/translate-policy";
import type {
  SourceText,
  TranslateReply,
  TranslatedText,
  Translator,
} from "../../../src/translate/translator";
import { TranslatorRequestError } from "../../../src/translate/translator-errors";

const papers: SourceText[] = Array.from({ length: 12 }, (_, i) => ({
  id: String(i + 1),
  title: `Paper ${i + 1} on reinforcement learning`,
  abstract: `We study $x_${i}$ in reinforcement learning.`,
}));
const zh = (p: SourceText): TranslatedText => ({
  id: p.id,
  title: `论文 ${p.id}：强化学习`,
  abstract: `我们研究强化学习中的 $x_${Number(p.id) - 1}$。`,
});

/** A provider in memory: `answer` decides each request's reply from its papers and hints. */
function fakeTranslator(
  answer: (
    items: readonly SourceText[],
    call: number,
    hints: ReadonlyMap<string, string>,
  ) => TranslateReply,
  maxBatchSize = 6,
) {
  const calls: { ids: string[]; hints: Map<string, string> }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const translator: Translator = {
    provider: "fake",
    maxBatchSize,
    async translate({ items, hints = new Map(), usage }) {
      usage.requests += 1;
      calls.push({ ids: items.map((i) => i.id), hints: new Map(hints) });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return answer(items, calls.length - 1, hints);
    },
  };
  return { translator, calls, maxInFlight: () => maxInFlight };
}

function run(translator: Translator, items = papers, policy = {}) {
  const stored: TranslatedText[] = [];
  const sleeps: number[] = [];
  let now = 0;
  const clock = {
    sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)),
    now: () => now,
  };
  const result = translateInBatches(items, {
    translator,
    glossary: new Glossary(GLOSSARY_ZH),
    policy: { ...DEFAULT_TRANSLATE_POLICY, ...policy },
    clock,
    onTranslated: async (item) => void stored.push(item),
  });
  return result.then((outcome) => ({ ...outcome, stored, sleeps }));
}

describe("splitEvenly", () => {
  it("makes as few batches as the size allows, of even sizes", () => {
    expect(splitEvenly(Array.from({ length: 34 }), 8).map((b) => b.length)).toEqual([
      7, 7, 7, 7, 6,
    ]);
    expect(splitEvenly(Array.from({ length: 34 }), 25).map((b) => b.length)).toEqual([17, 17]);
    expect(splitEvenly([], 8)).toEqual([]);
  });
});

describe("translateInBatches", () => {
  it("sends several papers per request, at most `concurrency` requests at once", async () => {
    const fake = fakeTranslator((items) => ({ items: items.map(zh) }));
    const outcome = await run(fake.translator, papers, { concurrency: 2 });
    expect(fake.calls.map((c) => c.ids.length)).toEqual([6, 6]);
    expect(fake.maxInFlight()).toBe(2);
    expect(outcome.translated).toBe(12);
    expect(outcome.stored.map((s) => s.id).sort((a, b) => +a - +b)).toEqual(
      papers.map((p) => p.id),
    );
    expect(outcome.usage.requests).toBe(2);
  });

  it("asks again for the missing papers only, after a partial answer", async () => {
    const fake = fakeTranslator((items, call) => ({
      items: items.slice(call === 0 ? 2 : 0).map(zh),
    }));
    const outcome = await run(fake.translator, papers.slice(0, 6));
    expect(fake.calls.map((c) => c.ids)).toEqual([
      ["1", "2", "3", "4", "5", "6"],
      ["1", "2"],
    ]);
    expect(outcome.failed.size).toBe(0);
  });

  it("asks again after an unreadable answer, and splits the batch when it stays unreadable", async () => {
    const fake = fakeTranslator((items, call) =>
      call < 2 ? { items: [], malformed: "not JSON" } : { items: items.map(zh) },
    );
    const outcome = await run(fake.translator, papers.slice(0, 6));
    expect(fake.calls.map((c) => c.ids.length)).toEqual([6, 6, 3, 3]);
    expect(outcome.translated).toBe(6);
  });

  it("re-asks a translation that lost math, saying what to keep, then gives up on it", async () => {
    const fake = fakeTranslator((items) => ({
      items: items.map((p) =>
        p.id === "2" ? { ...zh(p), abstract: "我们研究强化学习。" } : zh(p),
      ),
    }));
    const outcome = await run(fake.translator, papers.slice(0, 5));
    expect(fake.calls.map((c) => c.ids)).toEqual([["1", "2", "3", "4", "5"], ["2"], ["2"]]);
    expect(fake.calls[1]?.hints.get("2")).toBe("the abstract must keep $x_1$ exactly as written");
    expect([...outcome.failed.keys()]).toEqual(["2"]);
    expect(outcome.translated).toBe(4);
  });

  it("re-asks a glossary miss, and keeps the near-miss when the asks are spent", async () => {
    const fake = fakeTranslator((items) => ({
      items: items.map((p) => ({ ...zh(p), title: `论文 ${p.id}：加固学习` })),
    }));
    const outcome = await run(fake.translator, papers.slice(0, 1));
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls[2]?.hints.get("1")).toBe('translate "reinforcement learning" as 强化学习');
    expect(outcome.stored).toEqual([{ ...zh(papers[0] as SourceText), title: "论文 1：加固学习" }]);
  });

  it("waits as Retry-After says on 429 and backs off on 5xx, without spending the time", async () => {
    const fake = fakeTranslator((items, call) => {
      if (call === 0) throw new TranslatorRequestError("HTTP 429", "rate-limited", 429, 7_000);
      if (call === 1) throw new TranslatorRequestError("HTTP 503", "transient", 503);
      return { items: items.map(zh) };
    });
    const outcome = await run(fake.translator, papers.slice(0, 5));
    expect(outcome.sleeps).toEqual([7_000, 4_000]);
    expect(outcome.translated).toBe(5);
  });

  it("does not wait out a Retry-After longer than the policy allows", async () => {
    const fake = fakeTranslator(() => {
      throw new TranslatorRequestError("HTTP 429", "rate-limited", 429, 3_600_000);
    });
    const outcome = await run(fake.translator, papers.slice(0, 5));
    expect(outcome.sleeps).toEqual([]);
    expect(outcome.failed.size).toBe(5);
    expect(outcome.failed.get("1")).toMatch(/longer than this run will/);
  });

  it("stops the run on a refusal that will not change, such as a bad key", async () => {
    const fake = fakeTranslator(() => {
      throw new TranslatorRequestError("HTTP 401", "fatal", 401);
    });
    const outcome = await run(fake.translator, papers, { concurrency: 1 });
    expect(fake.calls).toHaveLength(1);
    expect(outcome.failed.size).toBe(12);
  });

  it("splits a batch the server refuses as too big", async () => {
    const fake = fakeTranslator((items) => {
      if (items.length > 3) throw new TranslatorRequestError("HTTP 413", "rejected", 413);
      return { items: items.map(zh) };
    });
    const outcome = await run(fake.translator, papers.slice(0, 6));
    expect(fake.calls.map((c) => c.ids.length)).toEqual([6, 3, 3]);
    expect(outcome.translated).toBe(6);
  });
});
