/**
 * A member's signature on a stage's berita acara, written by the tablet through the persistent
 * cache: drawn offline, it waits on the device and is sent when the Wi-Fi returns (rules: firestore.rules,
 * "signatures").
 */
import { doc, onSnapshot, setDoc, type Unsubscribe } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { signatureId, storedSignature, type StoredSignature } from "@domain/documents/signature";
import { liveDb } from "./live";

export interface OwnSignature {
  readonly signature: StoredSignature;
  /** Still only on this device: not yet accepted by the server. */
  readonly pending: boolean;
}

export function watchOwnSignature(
  selectionId: string,
  stage: string,
  uid: string,
  next: (value: OwnSignature | undefined) => void,
  fail: (error: unknown) => void,
): Unsubscribe {
  return onSnapshot(
    doc(liveDb(), COLLECTIONS.signatures, signatureId(selectionId, stage, uid)),
    { includeMetadataChanges: true },
    (snap) => {
      const parsed = storedSignature.safeParse(snap.data());
      next(parsed.success ? { signature: parsed.data, pending: snap.metadata.hasPendingWrites } : undefined);
    },
    fail,
  );
}

/**
 * Queues the signature and returns at once; `refused` is told if the server turns it down (the
 * stage was left meanwhile, or the member is no longer on the committee), when the cache drops it.
 */
export function sign(signature: StoredSignature, refused: (error: unknown) => void): void {
  const ref = doc(
    liveDb(),
    COLLECTIONS.signatures,
    signatureId(signature.selectionId, signature.stage, signature.memberUid),
  );
  setDoc(ref, signature).catch(refused);
}
