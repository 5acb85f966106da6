/**
 * The life of an issued document version, as rules on data: when a record stuck in "issuing" is
 * stale, and which status a version takes when its issuing finishes. Pure: the record, the
 * selection's pointer to its current version and the time come in.
 *
 * Why finishing is decided here and not at allocation: two issues of the same selection may render
 * at the same time, and either may finish first. Only the version the selection points at when it
 * finishes becomes valid; any other is superseded by that one, and a cancelled selection's versions
 * stay revoked. So two concurrent issues never both verify as valid.
 */
import type { Stage } from "../stages.js";
import type { DocumentRecord, DocumentStatus } from "./record.js";

/**
 * Past the issuing function's timeout (120 s) with room to spare: a record "issuing" this long
 * belongs to a call that crashed or lost its instance, and no running call will finish it.
 */
export const ISSUING_STALE_AFTER_MS = 10 * 60 * 1000;

/**
 * Whether the sweep should finish this record now: it has no file yet, and its number was taken
 * more than ISSUING_STALE_AFTER_MS ago. `staleBefore` is that moment (the caller has the clock); both
 * are `toISOString()` forms, which order as text. A record without `issuedAt` predates the field.
 * A superseded or revoked version without a file is finished too, so every record can be downloaded.
 */
export function isStuck(record: Pick<DocumentRecord, "sha256" | "issuedAt">, staleBefore: string): boolean {
  if (record.sha256 !== null) return false;
  return record.issuedAt === null || record.issuedAt <= staleBefore;
}

export interface SelectionPointer {
  /** The selection's current version of this kind of document. */
  readonly currentId: string | null;
  readonly stage: Stage;
}

export interface Settled {
  readonly status: Exclude<DocumentStatus, "issuing">;
  readonly supersededBy: string | null;
}

/** The status a version takes when its PDF is stored. */
export function settledStatus(
  documentId: string,
  record: Pick<DocumentRecord, "status" | "supersededBy">,
  selection: SelectionPointer,
): Settled {
  if (record.status === "revoked" || selection.stage === "dibatalkan") {
    return { status: "revoked", supersededBy: record.supersededBy };
  }
  if (selection.currentId === documentId) return { status: "valid", supersededBy: null };
  return { status: "superseded", supersededBy: selection.currentId ?? record.supersededBy };
}

/** The versions older than `version`, whose ids follow documentIdFor: the ones a new valid version supersedes. */
export function olderVersions(version: number): number[] {
  return Array.from({ length: Math.max(0, version - 1) }, (_, i) => i + 1);
}
