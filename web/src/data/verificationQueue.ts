/**
 * The operators' verification queue as one bounded query: the submitted applications of one post,
 * oldest submission first, a page of 20 at a time from a cursor. It takes the Firestore instance so
 * the bench (scripts/bench-verification.ts) counts the reads of exactly the query the screen runs.
 * The rules let an operator list applications only with the tenant in the query (instansiId ==), and
 * firestore.indexes.json declares its two indexes (with and without `reviewed == false`).
 */
import {
  collection,
  documentId,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type Firestore,
  type Query,
} from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";

export const QUEUE_PAGE_SIZE = 20;

export interface QueueRequest {
  readonly instansiId: string;
  readonly selectionId: string;
  readonly postId: string;
  /** "Belum diverifikasi": only applications no operator has decided yet. */
  readonly onlyUnverified: boolean;
  /** The last row of the page before. */
  readonly after?: { readonly submittedAt: string; readonly id: string } | undefined;
}

export function queueQuery(db: Firestore, r: QueueRequest): Query {
  return query(
    collection(db, COLLECTIONS.applications),
    where("instansiId", "==", r.instansiId),
    where("selectionId", "==", r.selectionId),
    where("postId", "==", r.postId),
    where("status", "==", "submitted"),
    ...(r.onlyUnverified ? [where("reviewed", "==", false)] : []),
    // The id breaks ties between submissions of the same instant, so a page never repeats a row.
    orderBy("submittedAt"),
    orderBy(documentId()),
    ...(r.after ? [startAfter(r.after.submittedAt, r.after.id)] : []),
    limit(QUEUE_PAGE_SIZE),
  );
}

export interface QueueRow {
  readonly id: string;
  readonly candidateName: string;
  readonly nip: string;
  readonly submittedAt: string;
  readonly reviewed: boolean;
}

/** What the list shows of an application; a row that does not parse still shows, by its id. */
export function queueRow(id: string, data: Record<string, unknown>): QueueRow {
  const text = (key: string) => (typeof data[key] === "string" ? data[key] : "");
  return {
    id,
    candidateName: text("candidateName") || id,
    nip: text("nip"),
    submittedAt: text("submittedAt"),
    reviewed: data["reviewed"] === true,
  };
}
