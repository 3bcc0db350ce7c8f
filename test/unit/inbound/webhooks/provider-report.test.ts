import type { FeedbackRecipient, FeedbackStore } from "../../../../src/inbound/feedback";
import type { ReportDeps } from "../../../../src/inbound/process-report";
import {
  applyProviderReports,
  type ProviderReport,
} from "../../../../src/inbound/webhooks/provider-report";
import { verpAddress } from "../../../../src/mail/bounce-address";

const BOUNCES = { address: "bounces@digest.example.org", secret: "s".repeat(32) };

/** Two deliveries of two editions to ann, one to bob; recorded events in memory. */
function fakeDeps() {
  const deliveries = new Map<number, FeedbackRecipient>([
    [11, { subscriberId: 1, email: "ann@example.net", deliveryId: 11, editionId: 1 }],
    [12, { subscriberId: 1, email: "ann@example.net", deliveryId: 12, editionId: 2 }],
    [21, { subscriberId: 2, email: "bob@example.net", deliveryId: 21, editionId: 2 }],
  ]);
  const recorded: { eventKey: string; deliveryId?: number }[] = [];
  const feedback: FeedbackStore = {
    recipientOfDelivery: async (id) => deliveries.get(id) ?? null,
    recipientByEmail: async (email) =>
      [...deliveries.values()].filter((d) => d.email === email).at(-1) ?? null,
    record: async (event) => {
      recorded.push({ eventKey: event.eventKey, deliveryId: event.deliveryId });
      return "new";
    },
    markApplied: async () => undefined,
  };
  const deps: ReportDeps = {
    feedback,
    subscribers: { recordHardBounce: async () => "active", unsubscribe: async () => true },
    suppressions: { suppress: async () => undefined },
    hardBounceLimit: 3,
    bounces: BOUNCES,
  };
  return { deps, recorded };
}

const soft = (email: string, eventKey: string, echoes: string[]): ProviderReport => ({
  email,
  feedback: { kind: "soft", source: "mailgun", eventKey, detail: "test" },
  echoes,
});

describe("applyProviderReports", () => {
  it("ties a report to the delivery its VERP address or Message-ID names", async () => {
    const { deps, recorded } = fakeDeps();
    const results = await applyProviderReports(deps, [
      soft("Ann@Example.net", "e1", [verpAddress(BOUNCES, 11)]),
      soft("ann@example.net", "e2", ["digest.2026-11-30.11@digest.example.org"]),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["soft-bounce-recorded", "soft-bounce-recorded"]);
    expect(recorded).toEqual([
      { eventKey: "e1", deliveryId: 11 },
      { eventKey: "e2", deliveryId: 11 },
    ]);
  });

  it("falls back to the address's latest digest for a forged, foreign or absent echo", async () => {
    const { deps, recorded } = fakeDeps();
    const forged = verpAddress(BOUNCES, 11).replace(/\.[0-9a-f]{10}@/, ".0000000000@");
    await applyProviderReports(deps, [
      soft("ann@example.net", "e3", [forged]),
      // Bob's delivery, in a report about ann: not hers, so not taken.
      soft("ann@example.net", "e4", [verpAddress(BOUNCES, 21)]),
      soft("ann@example.net", "e5", []),
    ]);
    expect(recorded.map((r) => r.deliveryId)).toEqual([12, 12, 12]);
  });

  it("acts on nothing for an address that is none of ours", async () => {
    const { deps, recorded } = fakeDeps();
    const results = await applyProviderReports(deps, [soft("eve@example.net", "e6", [])]);
    expect(results).toEqual([{ eventKey: "e6", outcome: "unknown-address" }]);
    expect(recorded).toEqual([]);
  });
});
