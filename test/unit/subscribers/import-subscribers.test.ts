import type { Subscriber } from "../../../src/subscribers/subscriber";
import { planImport } from "../../../src/subscribers/import-subscribers";
import type { SubscriberCsvRow } from "../../../src/subscribers/read-subscriber-csv";

function stored(email: string, overrides: Partial<Subscriber> = {}): Subscriber {
  return {
    id: email.length,
    email,
    status: "active",
    language: "zh-CN",
    timeZone: "Asia/Shanghai",
    hardBounces: 0,
    createdAt: new Date(0),
    keywords: ["rl"],
    ...overrides,
  };
}

const row = (email: string, extra: Partial<SubscriberCsvRow> = {}): SubscriberCsvRow => ({
  line: 2,
  email,
  keywords: ["rl"],
  ...extra,
});

describe("planImport", () => {
  const existing = new Map(
    [
      stored("same@x.org"),
      stored("paused@x.org", { status: "paused" }),
      stored("left@x.org", { status: "unsubscribed" }),
      stored("bounced@x.org", { status: "bounced" }),
    ].map((s) => [s.email, s]),
  );

  it("adds new addresses with the default status and language unless the row gives them", () => {
    const plan = planImport(
      [row("new@x.org"), row("tw@x.org", { language: "zh-TW", status: "paused" })],
      existing,
      "pending",
    );
    expect(plan.actions.map((a) => [a.kind, a.row.email, "status" in a && a.status])).toEqual([
      ["add", "new@x.org", "pending"],
      ["add", "tw@x.org", "paused"],
    ]);
    expect(plan.actions[1]).toMatchObject({ language: "zh-TW" });
  });

  it("changes nothing for rows equal to what is stored, or that leave the status empty", () => {
    const plan = planImport([row("same@x.org"), row("paused@x.org")], existing, "active");
    expect(plan).toEqual({ actions: [], unchanged: 2, rejected: [] });
  });

  it("updates only what differs", () => {
    const plan = planImport(
      [
        row("same@x.org", { keywords: ["rl", "robots"] }),
        row("paused@x.org", { status: "active" }),
      ],
      existing,
      "pending",
    );
    expect(plan.actions).toEqual([
      expect.objectContaining({
        kind: "update",
        keywords: ["rl", "robots"],
        status: undefined,
        language: undefined,
      }),
      expect.objectContaining({
        kind: "update",
        from: "paused",
        status: "active",
        keywords: undefined,
      }),
    ]);
  });

  it("never subscribes again an address that left or bounced, but may update its keywords", () => {
    const plan = planImport(
      [
        row("left@x.org", { status: "active" }),
        row("bounced@x.org", { status: "pending" }),
        row("left@x.org", { keywords: ["new"], line: 9 }),
      ],
      existing,
      "active",
    );
    expect(plan.rejected.map((r) => r.reason)).toEqual([
      "left@x.org is unsubscribed; an import does not subscribe it again",
      "bounced@x.org is bounced; an import does not subscribe it again",
    ]);
    expect(plan.actions).toEqual([expect.objectContaining({ kind: "update", keywords: ["new"] })]);
  });
});
