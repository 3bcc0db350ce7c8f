import type { SubscriptionStore } from "./subscription";
import type {
  ChineseVariant,
  NewSubscriber,
  Subscriber,
  SubscriberStatus,
  SubscriberStore,
} from "./subscriber";
import type { RejectedRow, SubscriberCsvRow } from "./read-subscriber-csv";
import { suppressedMessage, type Suppression } from "./suppression";

/** What an import does to one subscriber. */
export type ImportAction =
  | { kind: "add"; row: SubscriberCsvRow; status: SubscriberStatus; language: ChineseVariant }
  | {
      kind: "update";
      row: SubscriberCsvRow;
      id: number;
      from: SubscriberStatus;
      keywords?: string[];
      language?: ChineseVariant;
      status?: SubscriberStatus;
    };

export interface ImportPlan {
  actions: ImportAction[];
  unchanged: number;
  rejected: RejectedRow[];
}

/** Statuses a person chose by leaving (or the mail system found): an import never undoes them. */
const LEFT: readonly SubscriberStatus[] = ["unsubscribed", "bounced"];

/**
 * Decides, before anything is written, what each valid row changes. A row equal to what is
 * stored changes nothing, so importing the same file twice is harmless. A row without a status
 * keeps the stored one (new subscribers get `newStatus`). An address that unsubscribed or
 * bounced is never made active again by an import, and a suppressed one (suppression.ts) is
 * neither added nor given another status, even after `subscriber remove`: that row is rejected.
 */
export function planImport(
  rows: readonly SubscriberCsvRow[],
  existing: ReadonlyMap<string, Subscriber>,
  newStatus: SubscriberStatus,
  suppressed: ReadonlyMap<string, Pick<Suppression, "email" | "reason">> = new Map(),
): ImportPlan {
  const plan: ImportPlan = { actions: [], unchanged: 0, rejected: [] };
  for (const row of rows) {
    const current = existing.get(row.email);
    const suppression = suppressed.get(row.email);
    // A suppressed address is neither added nor given another status: only its owner's opt-in can.
    if (suppression && (!current || (row.status && row.status !== current.status))) {
      plan.rejected.push({
        line: row.line,
        email: row.email,
        reason: suppressedMessage(suppression),
      });
      continue;
    }
    if (!current) {
      const language = row.language ?? "zh-CN";
      plan.actions.push({ kind: "add", row, status: row.status ?? newStatus, language });
      continue;
    }
    const status = row.status && row.status !== current.status ? row.status : undefined;
    if (status && LEFT.includes(current.status)) {
      plan.rejected.push({
        line: row.line,
        email: row.email,
        reason: `${row.email} is ${current.status}; an import does not subscribe it again`,
      });
      continue;
    }
    const keywords = sameList(row.keywords, current.keywords) ? undefined : row.keywords;
    const language = row.language && row.language !== current.language ? row.language : undefined;
    if (!keywords && !language && !status) {
      plan.unchanged += 1;
      continue;
    }
    plan.actions.push({
      kind: "update",
      row,
      id: current.id,
      from: current.status,
      keywords,
      language,
      status,
    });
  }
  return plan;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * New subscribers written per transaction: one multi-row INSERT of subscribers and a few of
 * keywords (SubscriberStore.createMany), well under both databases' bound-variable limits.
 */
const IMPORT_BATCH = 1_000;

/**
 * Carries out a plan; returns how many subscribers were added and updated. Additions go in
 * batches (100,000 rows in seconds, not minutes); updates, which are few, one at a time.
 */
export async function applyImport(
  stores: {
    subscribers: Pick<SubscriberStore, "createMany">;
    subscriptions: Pick<SubscriptionStore, "replaceKeywords" | "updateSettings" | "changeStatus">;
  },
  actions: readonly ImportAction[],
  timeZone: string,
  onProgress?: (done: number) => void,
): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  let batch: NewSubscriber[] = [];
  const flush = async () => {
    added += await stores.subscribers.createMany(batch);
    batch = [];
    onProgress?.(added + updated);
  };
  for (const action of actions) {
    if (action.kind === "add") {
      const { email, keywords } = action.row;
      batch.push({ email, keywords, status: action.status, language: action.language, timeZone });
      if (batch.length >= IMPORT_BATCH) await flush();
      continue;
    }
    if (action.keywords) await stores.subscriptions.replaceKeywords(action.id, action.keywords);
    if (action.language)
      await stores.subscriptions.updateSettings(action.id, { language: action.language });
    if (action.status)
      await stores.subscriptions.changeStatus(action.id, [action.from], action.status);
    updated += 1;
    onProgress?.(added + updated);
  }
  if (batch.length > 0) await flush();
  return { added, updated };
}
