/**
 * Finding a selection (issue 8): the public list's filters, the one query each page of it runs, the
 * composite indexes those queries need, and the days left to apply. One deployment serves hundreds of
 * governments, so the list is never read whole: each page is one query of at most LIST_PAGE_SIZE + 1
 * projection documents (the extra one says whether there is a next page), and each filter is an
 * equality, array-contains or range condition on a field the projection carries for it.
 *
 * The query is described here as data, not built with the SDK: the web turns it into Firestore Lite
 * calls (web/src/data/publicData.ts), and `listIndexes()` derives from the same shapes the indexes
 * that firestore.indexes.json must declare. The emulator does not enforce indexes, so a unit test
 * compares the two: a filter added here without its index fails there, not in production.
 *
 * No zod here, nor any module that builds schemas: the public home imports this with the first paint.
 */
import type { JPT_LEVELS } from "../schemas/documents.js";

type JptLevel = (typeof JPT_LEVELS)[number];
/**
 * JPT_LEVELS again, as a plain array: this module ships with the first paint, and the schemas' module
 * would bring zod with it (a test keeps the two equal).
 */
export const LIST_LEVELS = ["jptPratama", "jptMadya"] as const satisfies readonly JptLevel[];

export const LIST_PAGE_SIZE = 20;
/** The query asks for one more than a page: the extra document only says that a next page exists. */
export const LIST_QUERY_LIMIT = LIST_PAGE_SIZE + 1;

export interface ListFilters {
  readonly province?: string;
  /** A government; it implies its province, so a province chosen with it is dropped. */
  readonly instansiId?: string;
  readonly level?: JptLevel;
  /** Registration still open, the nearest deadline first. */
  readonly closingSoon?: boolean;
}

/** The URL's query keys, in Indonesian like the paths: `/?provinsi=Lampung&jenjang=jptPratama`. */
const PARAM = { province: "provinsi", instansiId: "instansi", level: "jenjang", closingSoon: "segera" } as const;

const INSTANSI_ID = /^[a-z0-9-]{2,60}$/;
/** A province's name; not checked against PROVINCES, which stays out of the first paint. */
const PROVINCE = /^[\p{L} .'-]{2,60}$/u;

/** Filters from a shared link; anything unknown or malformed is ignored rather than refused. */
export function parseListFilters(params: Readonly<Record<string, string | undefined>>): ListFilters {
  const wanted = params[PARAM.province];
  const province = wanted && PROVINCE.test(wanted) ? wanted : undefined;
  const instansi = params[PARAM.instansiId];
  const instansiId = instansi && INSTANSI_ID.test(instansi) ? instansi : undefined;
  const level = LIST_LEVELS.find((l) => l === params[PARAM.level]);
  return {
    ...(instansiId ? { instansiId } : province ? { province } : {}),
    ...(level ? { level } : {}),
    ...(params[PARAM.closingSoon] === "1" ? { closingSoon: true } : {}),
  };
}

/** The URL's query string for these filters ("" when none), in a fixed order so links compare equal. */
export function listFiltersSearch(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.instansiId) params.set(PARAM.instansiId, filters.instansiId);
  else if (filters.province) params.set(PARAM.province, filters.province);
  if (filters.level) params.set(PARAM.level, filters.level);
  if (filters.closingSoon) params.set(PARAM.closingSoon, "1");
  const search = params.toString();
  return search ? `?${search}` : "";
}

export type QueryValue = string | number;
export interface ListQuery {
  readonly equals: readonly { readonly field: string; readonly value: QueryValue }[];
  readonly contains: { readonly field: string; readonly value: string } | null;
  /** A lower bound on the order field (exclusive). */
  readonly after: { readonly field: string; readonly value: number } | null;
  /** Then by document id in the same direction: a total order, so a cursor never skips a tie. */
  readonly order: { readonly field: string; readonly direction: "asc" | "desc" };
  readonly limit: number;
}

/**
 * The one query for a page of the list. `nowMs` is the reader's clock: "closing soon" only chooses
 * what to list; the server's clock decides whether an application is accepted (window.ts).
 */
export function listQuery(filters: ListFilters, nowMs: number): ListQuery {
  const equals: { field: string; value: QueryValue }[] = [];
  if (filters.instansiId) equals.push({ field: "instansiId", value: filters.instansiId });
  else if (filters.province) equals.push({ field: "province", value: filters.province });
  if (filters.closingSoon) equals.push({ field: "stage", value: "pendaftaran" });
  return {
    equals,
    contains: filters.level ? { field: "levels", value: filters.level } : null,
    after: filters.closingSoon ? { field: "registrationClosesAtMs", value: nowMs } : null,
    order: filters.closingSoon
      ? { field: "registrationClosesAtMs", direction: "asc" }
      : { field: "announcedAt", direction: "desc" },
    limit: LIST_QUERY_LIMIT,
  };
}

/** Where the next page starts: the last listed document's order value and id. */
export interface ListCursor {
  readonly value: QueryValue | null;
  readonly id: string;
}

export function listCursor(query: ListQuery, last: { readonly id: string } & Record<string, unknown>): ListCursor {
  const value = last[query.order.field];
  return { value: typeof value === "string" || typeof value === "number" ? value : null, id: last.id };
}

// ---------------------------------------------------------------------------------------------------
// Indexes

export interface IndexField {
  readonly fieldPath: string;
  readonly order?: "ASCENDING" | "DESCENDING";
  readonly arrayConfig?: "CONTAINS";
}
export interface CompositeIndex {
  readonly collectionGroup: string;
  readonly queryScope: "COLLECTION";
  readonly fields: readonly IndexField[];
}

/** Every filter combination the list can ask for (a government excludes a province). */
export function allListFilters(): ListFilters[] {
  const places: ListFilters[] = [{}, { province: "Lampung" }, { instansiId: "kota-metro" }];
  return places.flatMap((place) =>
    [undefined, "jptPratama" as const].flatMap((level) =>
      [false, true].map((closingSoon) => ({
        ...place,
        ...(level ? { level } : {}),
        ...(closingSoon ? { closingSoon } : {}),
      })),
    ),
  );
}

/**
 * The composite index a query needs, or null when Firestore's automatic single-field index serves it
 * (an order alone). Equality fields first, then array-contains, then the order (and range) field.
 */
export function indexOf(query: ListQuery, collectionGroup: string): CompositeIndex | null {
  if (query.equals.length === 0 && !query.contains) return null;
  return {
    collectionGroup,
    queryScope: "COLLECTION",
    fields: [
      ...query.equals.map((e) => ({ fieldPath: e.field, order: "ASCENDING" as const })),
      ...(query.contains ? [{ fieldPath: query.contains.field, arrayConfig: "CONTAINS" as const }] : []),
      {
        fieldPath: query.order.field,
        order: query.order.direction === "asc" ? ("ASCENDING" as const) : ("DESCENDING" as const),
      },
    ],
  };
}

/** The indexes of every list query, for firestore.indexes.json. */
export function listIndexes(collectionGroup: string): CompositeIndex[] {
  return allListFilters().flatMap((f) => {
    const index = indexOf(listQuery(f, 0), collectionGroup);
    return index ? [index] : [];
  });
}

// ---------------------------------------------------------------------------------------------------
// Days left

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days left to apply, today included: 1 on the last day ("hari terakhir"), null once closed or
 * when the selection has no registration. Registration closes at midnight in the government's zone
 * (window.ts) and Indonesia keeps no daylight saving, so counting 24-hour steps back from that instant
 * counts the government's calendar days, wherever the reader's phone thinks it is.
 */
export function daysToApply(closesAtMs: number | null, nowMs: number): number | null {
  if (closesAtMs === null || nowMs >= closesAtMs) return null;
  return Math.ceil((closesAtMs - nowMs) / DAY_MS);
}
