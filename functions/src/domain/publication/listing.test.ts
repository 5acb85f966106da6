import { describe, expect, it } from "vitest";
import { JPT_LEVELS } from "../schemas/documents.js";
import {
  LIST_LEVELS,
  LIST_QUERY_LIMIT,
  allListFilters,
  daysToApply,
  indexOf,
  listCursor,
  listFiltersSearch,
  listQuery,
  parseListFilters,
} from "./listing.js";
import { openToOrder } from "./candidateList.js";
import { PROVINCES } from "./provinces.js";

const DAY = 24 * 3600 * 1000;
/** Kota Metro's registration closes at the end of 20 September 2021 in WIB. */
const CLOSES = Date.parse("2021-09-21T00:00:00+07:00");

describe("list filters in the URL", () => {
  it("round-trip, in one order, so a shared link reads back the same filters", () => {
    const filters = { province: "Lampung", level: "jptPratama", closingSoon: true } as const;
    const search = listFiltersSearch(filters);
    expect(search).toBe("?provinsi=Lampung&jenjang=jptPratama&segera=1");
    expect(parseListFilters(Object.fromEntries(new URLSearchParams(search)))).toEqual(filters);
    expect(listFiltersSearch({})).toBe("");
  });

  it("drop a province when a government is chosen, and ignore what is malformed", () => {
    expect(parseListFilters({ provinsi: "Lampung", instansi: "kota-metro" })).toEqual({ instansiId: "kota-metro" });
    expect(
      parseListFilters({ provinsi: "<script>", instansi: "Kota Metro!", jenjang: "jptUtama", segera: "ya" }),
    ).toEqual({});
    expect(parseListFilters({ provinsi: "Kalimantan Barat" })).toEqual({ province: "Kalimantan Barat" });
  });

  it("offer the levels the schema knows and the 38 provinces", () => {
    expect([...LIST_LEVELS]).toEqual([...JPT_LEVELS]);
    expect(PROVINCES).toHaveLength(38);
    expect(new Set(PROVINCES).size).toBe(38);
  });
});

describe("listQuery", () => {
  it("is the newest announced first, one page and one more, with no filter", () => {
    const q = listQuery({}, 0);
    expect(q).toEqual({
      equals: [],
      contains: null,
      after: null,
      order: { field: "announcedAt", direction: "desc" },
      limit: LIST_QUERY_LIMIT,
    });
    expect(LIST_QUERY_LIMIT).toBe(21);
    expect(indexOf(q, "publicSelections")).toBeNull();
  });

  it("makes each filter an equality, array-contains or range condition", () => {
    const now = CLOSES - 3 * DAY;
    const q = listQuery({ province: "Lampung", level: "jptMadya", closingSoon: true }, now);
    expect(q.equals).toEqual([
      { field: "province", value: "Lampung" },
      { field: "stage", value: "pendaftaran" },
    ]);
    expect(q.contains).toEqual({ field: "levels", value: "jptMadya" });
    expect(q.after).toEqual({ field: "registrationClosesAtMs", value: now });
    expect(q.order).toEqual({ field: "registrationClosesAtMs", direction: "asc" });
    expect(listQuery({ instansiId: "kota-metro", province: "Lampung" }, 0).equals).toEqual([
      { field: "instansiId", value: "kota-metro" },
    ]);
  });

  it("needs a composite index for every shape but the unfiltered one", () => {
    const shapes = allListFilters();
    expect(shapes).toHaveLength(12);
    expect(shapes.filter((f) => indexOf(listQuery(f, 0), "publicSelections") === null)).toEqual([{}]);
    expect(indexOf(listQuery({ level: "jptPratama", closingSoon: true }, 0), "publicSelections")?.fields).toEqual([
      { fieldPath: "stage", order: "ASCENDING" },
      { fieldPath: "levels", arrayConfig: "CONTAINS" },
      { fieldPath: "registrationClosesAtMs", order: "ASCENDING" },
    ]);
  });

  it("continues after the last document's order value and id", () => {
    const q = listQuery({}, 0);
    expect(listCursor(q, { id: "metro", announcedAt: "2021-09-13T08:00:00+07:00" })).toEqual({
      value: "2021-09-13T08:00:00+07:00",
      id: "metro",
    });
    expect(listCursor(listQuery({ closingSoon: true }, 0), { id: "x", registrationClosesAtMs: CLOSES })).toEqual({
      value: CLOSES,
      id: "x",
    });
  });
});

describe("daysToApply", () => {
  it("counts whole days of the government's calendar, today included", () => {
    // 20 September, 23:59 WIB: the last day.
    expect(daysToApply(CLOSES, CLOSES - 60_000)).toBe(1);
    // 20 September, 00:00 WIB: still the last day.
    expect(daysToApply(CLOSES, CLOSES - DAY)).toBe(1);
    // 19 September, 23:59 WIB: today and tomorrow.
    expect(daysToApply(CLOSES, CLOSES - DAY - 60_000)).toBe(2);
    // 14 September, 08:00 WIB: 14 to 20 September.
    expect(daysToApply(CLOSES, Date.parse("2021-09-14T08:00:00+07:00"))).toBe(7);
    // A phone in WIT (UTC+9) on 21 September, 01:00 there: closed in Kota Metro's zone.
    expect(daysToApply(CLOSES, Date.parse("2021-09-21T01:00:00+09:00"))).toBe(1);
    expect(daysToApply(CLOSES, Date.parse("2021-09-21T02:00:00+09:00"))).toBeNull();
  });

  it("is null once closed or without a registration", () => {
    expect(daysToApply(CLOSES, CLOSES)).toBeNull();
    expect(daysToApply(CLOSES, CLOSES + 1)).toBeNull();
    expect(daysToApply(null, 0)).toBeNull();
  });
});

describe("openToOrder", () => {
  const list = [
    { id: "banten", openToScope: { scope: "province" as const, province: "Banten" } },
    { id: "old", openToScope: null },
    { id: "metro", openToScope: { scope: "instansi" as const, instansiName: "Pemerintah Kota Metro" } },
    { id: "lampung", openToScope: { scope: "province" as const, province: "Lampung" } },
    { id: "national", openToScope: { scope: "national" as const } },
  ];

  it("puts the selections open to the candidate first, then cannot tell, then not open", () => {
    const order = openToOrder(list, { currentInstansi: "pemerintah kota  metro", province: "Lampung" });
    expect(order.map((o) => [o.selection.id, o.status])).toEqual([
      ["metro", "met"],
      ["lampung", "met"],
      ["national", "met"],
      ["old", "unknown"],
      ["banten", "notMet"],
    ]);
  });

  it("cannot tell for a profile without its government and province, and keeps the deadline order", () => {
    const order = openToOrder(list, {});
    expect(order.map((o) => [o.selection.id, o.status])).toEqual([
      ["national", "met"],
      ["banten", "unknown"],
      ["old", "unknown"],
      ["metro", "unknown"],
      ["lampung", "unknown"],
    ]);
  });
});
