import crypto from "node:crypto";
import os from "node:os";
import type { Clock } from "./clock";
import type { RunStatus } from "./plan-next-run";

/** The scheduler's record of one edition's run (table EditionRun). */
export interface EditionRunRecord {
  editionDate: string;
  status: RunStatus;
  holder: string;
  leaseUntil: Date;
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  detail: string | null;
}

/**
 * Where runs are claimed. The claim is a conditional write in the database, so of several
 * `serve` processes on one database exactly one runs an edition at a time.
 */
export interface RunLockStore {
  get(editionDate: string): Promise<EditionRunRecord | null>;
  /**
   * Claims the edition's run for `holder` until `leaseUntil`: one never started, one that
   * failed, or one still marked running whose lease has passed (its process died). False when
   * another process holds it or it is finished.
   */
  acquire(editionDate: string, holder: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Extends the holder's lease; false if the claim was lost (taken over after it expired). */
  renew(editionDate: string, holder: string, leaseUntil: Date): Promise<boolean>;
  /** Records how the holder's run ended. */
  finish(
    editionDate: string,
    holder: string,
    end: { status: Exclude<RunStatus, "running">; detail: string; at: Date },
  ): Promise<void>;
  /** The latest runs, newest edition first. */
  recent(limit: number): Promise<EditionRunRecord[]>;
}

/** Names this process in the run records: host, pid and a random part (pids are reused). */
export function processHolderId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
}

/** A claimed run, kept alive by renewing its lease until it is finished. */
export interface HeldRun {
  finish(status: Exclude<RunStatus, "running">, detail: string): Promise<void>;
}

/**
 * Claims an edition's run and renews the lease every third of its length while the run goes on,
 * so only a process that died loses it. Undefined when the run is not ours to take.
 */
export async function holdRun(
  store: RunLockStore,
  options: {
    editionDate: string;
    holder: string;
    clock: Clock;
    leaseMs: number;
    onLost: (error?: unknown) => void;
  },
): Promise<HeldRun | undefined> {
  const { editionDate, holder, clock, leaseMs } = options;
  const leaseFrom = () => new Date(clock.now().getTime() + leaseMs);
  if (!(await store.acquire(editionDate, holder, clock.now(), leaseFrom()))) return undefined;
  const timer = setInterval(() => {
    store.renew(editionDate, holder, leaseFrom()).then(
      (held) => held || options.onLost(),
      (error: unknown) => options.onLost(error),
    );
  }, leaseMs / 3);
  timer.unref();
  return {
    async finish(status, detail) {
      clearInterval(timer);
      await store.finish(editionDate, holder, { status, detail, at: clock.now() });
    },
  };
}
