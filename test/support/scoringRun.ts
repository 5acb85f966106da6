/**
 * What the emulator tests of the scoring stages share (conflicts, scores, the assessment import, the
 * PPK's choice): Kota Metro and Kota Pontianak as governments made for one run, staff accounts of
 * either, Metro's 2021 selection written as a stage leaves it, and, at the end, everything the run
 * wrote deleted (the project is shared with the other test files). Plus the check every abuse test
 * makes: the call was refused, and what it could have written is as it was.
 */
import { expect } from "vitest";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StaffRole } from "../../functions/src/domain/roles.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "./admin.js";
import { uniqueSuffix, type CallResult } from "./callables.js";
import { deleteSelectionsOf, failureOf, selectionRef, snapshotOf, staffAccounts } from "./process.js";

export const METRO = SELECTIONS["metro-2021-jpt"]!;

type Claims = { instansi: string; roles: StaffRole[] };

/** `label` names the run's governments (`kota-metro-{label}-…`) and accounts (`who.{label}.…`). */
export function scoringRun(label: string) {
  const run = uniqueSuffix();
  const metroId = `kota-metro-${label}-${run}`;
  const otherId = `kota-pontianak-${label}-${run}`;
  const accounts = staffAccounts(`${label}.${run}`);
  let counter = 0;
  return {
    metroId,
    otherId,
    accounts,
    /** The e-mail address `accounts.user(who, …)` signs up with. */
    emailOf: (who: string): string => `${who}.${label}.${run}@seleksi.demo`,
    /** Claims of Metro's staff, and of the other government's. */
    metro: (roles: StaffRole[]): Claims => ({ instansi: metroId, roles }),
    other: (roles: StaffRole[]): Claims => ({ instansi: otherId, roles }),

    /** Both governments' records (in beforeAll). */
    async createGovernments(): Promise<void> {
      await db.collection(COLLECTIONS.instansi).doc(metroId).set(INSTANSI["kota-metro"]!);
      await db.collection(COLLECTIONS.instansi).doc(otherId).set(INSTANSI["kota-pontianak"]!);
    },

    /** Metro 2021 in `stage`, announced, no counts yet, under an id of this run; `changes` override. */
    async selection(changes: Partial<StoredSelection> & Pick<StoredSelection, "stage">): Promise<string> {
      const id = `${metroId}-sel-${++counter}`;
      const doc: StoredSelection = {
        ...METRO,
        instansiId: metroId,
        instansiName: INSTANSI["kota-metro"]!.name,
        public: true,
        announcedAt: "2025-01-06T01:00:00.000Z",
        counts: { ...ZERO_COUNTS },
        ...changes,
      };
      await selectionRef(id).set(doc);
      return id;
    },

    /** Deletes the run's selections, Metro's documents in `collections`, both governments and the accounts. */
    async removeAll(collections: readonly string[]): Promise<void> {
      await deleteSelectionsOf([metroId, otherId]);
      for (const name of collections) {
        const docs = await db.collection(name).where("instansiId", "==", metroId).get();
        await Promise.all(docs.docs.map((d) => db.recursiveDelete(d.ref)));
      }
      await Promise.all([metroId, otherId].map((id) => db.collection(COLLECTIONS.instansi).doc(id).delete()));
      await accounts.deleteAll();
    },
  };
}

/**
 * A selection's state as a refused call must leave it: the selection, its audit, proposals and stored
 * answers (snapshotOf), and its documents in each of `collections`, by id.
 */
export async function stateOf(
  selectionId: string,
  ...collections: string[]
): Promise<Awaited<ReturnType<typeof snapshotOf>> & Record<string, unknown>> {
  const docs: Record<string, [string, unknown][]> = {};
  for (const name of collections) {
    const snap = await db.collection(name).where("selectionId", "==", selectionId).get();
    docs[name] = snap.docs.map((d): [string, unknown] => [d.id, d.data()]).sort(([a], [b]) => a.localeCompare(b));
  }
  return { ...(await snapshotOf(selectionId)), ...docs };
}

/** Makes a call that must be refused; checks that `state` is as it was before, and answers the refusal. */
export async function refusedUnchanged<T>(
  state: () => Promise<unknown>,
  attempt: () => Promise<CallResult<T>>,
): Promise<{ status: string; codes: string[] }> {
  const before = await state();
  const failure = failureOf(await attempt());
  expect(await state()).toEqual(before);
  return failure;
}
