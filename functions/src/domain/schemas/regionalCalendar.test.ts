import { describe, expect, it } from "vitest";
import { parseWith } from "../validation.js";
import { regionalCalendar } from "./regionalCalendar.js";

const issuesOf = (input: unknown) => {
  const parsed = parseWith(regionalCalendar, input);
  return parsed.ok ? [] : parsed.issues.map((i) => [i.field, i.code]);
};

describe("the regional calendar an operator records", () => {
  it("takes Kota Metro's 2024 pilkada and a one-day Penjabat period", () => {
    const input = {
      elections: [{ candidatePairsDetermination: "2024-09-22", termEnd: "2026-02-20" }],
      actingHeads: [{ from: "2025-02-20", to: "2025-02-20" }],
    };
    expect(parseWith(regionalCalendar, input)).toEqual({ ok: true, value: input });
    expect(issuesOf({ elections: [], actingHeads: [] })).toEqual([]);
  });

  it("names the row and field of each bad date", () => {
    expect(
      issuesOf({
        elections: [
          { candidatePairsDetermination: "2024-09-22", termEnd: "2026-02-20" },
          { candidatePairsDetermination: "2029-09-22", termEnd: "2029-09-22" },
        ],
        actingHeads: [
          { from: "2025-02-29", to: "2025-03-01" },
          { from: "", to: "2025-03-01" },
          { from: "2025-03-02", to: "2025-03-01" },
          { from: "1/3/2025", to: "2025-03-01" },
        ],
      }),
    ).toEqual([
      ["elections.1.termEnd", "err.calendar.termEndBeforePairs"],
      ["actingHeads.0.from", "err.calendar.dateInvalid"],
      ["actingHeads.1.from", "err.calendar.dateRequired"],
      ["actingHeads.2.to", "err.calendar.periodReversed"],
      ["actingHeads.3.from", "err.calendar.dateInvalid"],
    ]);
  });

  it("keeps to the stored lists' bound of 20 rows", () => {
    const row = { from: "2025-01-01", to: "2025-01-02" };
    expect(issuesOf({ elections: [], actingHeads: Array.from({ length: 21 }, () => row) })).toEqual([
      ["actingHeads", "err.calendar.tooMany"],
    ]);
  });
});
