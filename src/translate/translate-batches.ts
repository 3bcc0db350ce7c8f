import type { Logger } from "pino";
import { checkTranslation } from "./check-translation";
import type { Glossary } from "./glossary";
import { requestWithRetry } from "./request-with-retry";
import type { RetryClock, TranslatePolicy } from "./translate-policy";
import {
  emptyUsage,
  type SourceText,
  type TranslateReply,
  type TranslatedText,
  type Translator,
  type TranslationUsage,
} from "./translator";
import { TranslatorRequestError } from "./translator-errors";

export interface BatchDeps {
  translator: Translator;
  glossary: Glossary;
  policy: TranslatePolicy;
  clock: RetryClock;
  logger?: Pick<Logger, "warn" | "error">;
  /** Called as soon as a paper's translation is accepted, so a crash later keeps it. */
  onTranslated(item: TranslatedText): Promise<void>;
}

export interface BatchOutcome {
  usage: TranslationUsage;
  translated: number;
  /** Per paper id that got no translation: why. */
  failed: Map<string, string>;
}

/** Splits into as few batches as `max` allows, of even sizes (34 by 8: 7, 7, 7, 7, 6). */
export function splitEvenly<T>(items: readonly T[], max: number): T[][] {
  const count = Math.ceil(items.length / Math.max(1, max));
  const batches: T[][] = [];
  for (let i = 0, start = 0; i < count; i += 1) {
    const size = Math.ceil((items.length - start) / (count - i));
    batches.push(items.slice(start, start + size));
    start += size;
  }
  return batches;
}

/**
 * Translates papers in batches of the provider's size, `policy.concurrency` requests at a time.
 * Each answer is checked paper by paper (check-translation.ts); the papers missing from it or
 * wrong in it are asked again, alone, with what was wrong (a glossary miss only while asks
 * remain: then the near-miss is kept). A whole answer unreadable twice running, or refused as too
 * big, is split in two. A paper is asked `maxAsksPerPaper` times at most; a refusal that will not
 * change (bad key, quota) stops the run. Nothing here throws for a provider's failure.
 */
export async function translateInBatches(
  items: readonly SourceText[],
  deps: BatchDeps,
): Promise<BatchOutcome> {
  const { policy, clock, translator } = deps;
  const usage = emptyUsage();
  const failed = new Map<string, string>();
  const asks = new Map<string, number>();
  const nearMisses = new Map<string, TranslatedText>();
  const context = {
    policy,
    clock,
    deadline: clock.now() + policy.runBudgetMs,
    logger: deps.logger,
  };
  const queue = splitEvenly(items, translator.maxBatchSize);
  let stopped: string | undefined;
  let translated = 0;

  const accept = async (item: TranslatedText) => {
    translated += 1;
    await deps.onTranslated(item);
  };

  async function runBatch(batch: SourceText[]): Promise<void> {
    let pending = batch;
    const hints = new Map<string, string>();
    let unreadable = 0;
    while (pending.length > 0) {
      const reason = stopped ?? (clock.now() > context.deadline ? "time budget spent" : undefined);
      if (reason) return pending.forEach((p) => failed.set(p.id, reason));
      const request = { items: pending, hints, usage };
      for (const p of pending) asks.set(p.id, (asks.get(p.id) ?? 0) + 1);
      let reply: TranslateReply;
      try {
        reply = await requestWithRetry(() => translator.translate(request), context);
      } catch (error) {
        if (!(error instanceof TranslatorRequestError)) throw error;
        if (error.failure === "fatal") {
          stopped = error.message;
          deps.logger?.error({ reason: error.message }, "translation stopped for this run");
        } else if (error.failure === "rejected" && pending.length > 1) {
          queue.push(...splitEvenly(pending, Math.ceil(pending.length / 2)));
          return;
        }
        return pending.forEach((p) => failed.set(p.id, error.message));
      }
      const byId = new Map(pending.map((p) => [p.id, p]));
      const done = new Set<string>();
      for (const answer of reply.items) {
        const source = byId.get(answer.id);
        if (!source || done.has(answer.id)) continue;
        const checked = checkTranslation(source, answer, deps.glossary);
        const problems = checked.hard.length > 0 ? checked.hard : checked.soft;
        if (problems.length > 0) hints.set(source.id, problems.join("; "));
        if (checked.hard.length > 0) continue;
        if (checked.soft.length > 0 && (asks.get(source.id) ?? 0) < policy.maxAsksPerPaper) {
          nearMisses.set(source.id, checked.value);
          continue;
        }
        done.add(source.id);
        await accept(checked.value);
      }
      unreadable = reply.malformed && reply.items.length === 0 ? unreadable + 1 : 0;
      const left = pending.filter((p) => !done.has(p.id));
      pending = [];
      for (const p of left) {
        if ((asks.get(p.id) ?? 0) < policy.maxAsksPerPaper) pending.push(p);
        else if (nearMisses.has(p.id)) await accept(nearMisses.get(p.id) as TranslatedText);
        else failed.set(p.id, hints.get(p.id) ?? reply.malformed ?? "left out of every answer");
      }
      if (unreadable >= 2 && pending.length > 1) {
        queue.push(...splitEvenly(pending, Math.ceil(pending.length / 2)));
        return;
      }
    }
  }

  async function worker(): Promise<void> {
    for (let batch = queue.shift(); batch; batch = queue.shift()) await runBatch(batch);
  }
  await Promise.all(Array.from({ length: Math.max(1, policy.concurrency) }, worker));
  return { usage, translated, failed };
}
