/** Command mails answered per address in an hour at most; the rest are left unanswered. */
const ANSWERS_PER_ADDRESS_PER_HOUR = 5;
const HOUR_MS = 3600_000;
/** Addresses remembered at most, so a flood of distinct senders cannot grow it without limit. */
const MAX_ADDRESSES = 10_000;

/**
 * Per-address limit on command mails taken up. Anyone can put any address in From, so without
 * it a flood of forged mails would turn into as many answers to that address. Kept in memory by
 * the poller for as long as it runs (`serve`); each `inbound poll` run starts a fresh one.
 */
export class AnswerBudget {
  private readonly taken = new Map<string, number[]>();

  constructor(
    private readonly perHour = ANSWERS_PER_ADDRESS_PER_HOUR,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one mail from `address`; false when its hour's budget is spent (nothing counted). */
  take(address: string): boolean {
    const now = this.now();
    const recent = (this.taken.get(address) ?? []).filter((at) => at > now - HOUR_MS);
    if (recent.length >= this.perHour) return false;
    this.taken.delete(address); // re-inserted last: the Map's order is oldest use first
    if (this.taken.size >= MAX_ADDRESSES) this.taken.delete(this.taken.keys().next().value ?? "");
    this.taken.set(address, [...recent, now]);
    return true;
  }
}
