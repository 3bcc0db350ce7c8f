import {
  announcedAtOf,
  editionDateOf,
  formatInZone,
  latestEditionDateAt,
  nextEditionDate,
} from "../../../src/arxiv/announcement-time";

describe("arXiv's announcement calendar", () => {
  it.each([
    ["Fri, 17 Oct 2025 00:00:00 -0400", "2025-10-17"],
    ["Mon, 06 Jan 2025 00:00:00 -0500", "2025-01-06"],
  ])("a feed dated %s is the edition of %s", (pubDate, date) =>
    expect(editionDateOf(new Date(pubDate))).toBe(date),
  );

  it.each([
    ["2025-10-17", "2025-10-17T00:00:00.000Z"],
    ["2025-10-20", "2025-10-20T00:00:00.000Z"],
    ["2025-01-06", "2025-01-06T01:00:00.000Z"],
  ])("edition %s was announced at 20:00 New York the evening before (%s)", (date, instant) =>
    expect(announcedAtOf(date).toISOString()).toBe(instant),
  );

  it.each([
    ["2025-10-16T23:59:00Z", "2025-10-16"],
    ["2025-10-17T00:01:00Z", "2025-10-17"],
    ["2025-10-18T15:00:00Z", "2025-10-17"],
    ["2025-10-19T23:30:00Z", "2025-10-17"],
    ["2025-10-20T00:30:00Z", "2025-10-20"],
    ["2025-10-20T14:00:00Z", "2025-10-20"],
  ])("at %s the latest announced edition is %s", (now, date) =>
    expect(latestEditionDateAt(new Date(now))).toBe(date),
  );

  it.each([
    ["2025-10-16", "2025-10-17"],
    ["2025-10-17", "2025-10-20"],
  ])("after %s comes %s", (date, next) => expect(nextEditionDate(date)).toBe(next));

  it("shows times in New York and in a subscriber's zone", () => {
    const instant = announcedAtOf("2025-10-17");
    expect(formatInZone(instant, "America/New_York")).toBe("2025-10-16 20:00 EDT");
    expect(formatInZone(instant, "Asia/Shanghai")).toBe("2025-10-17 08:00 UTC+8");
  });
});
