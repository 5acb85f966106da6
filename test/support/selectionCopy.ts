/**
 * A copy of Metro 2021's selection open for registration, for browser tests that apply to it: the
 * demo's own selection keeps its state for the other tests. Written with the Admin SDK and projected
 * as the seed does (the projection trigger is busy with the seed's own selections for a while).
 */
import type { Page } from "playwright-core";
import type { StoredApplication } from "../../functions/src/domain/applications/application.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { publicProjectionOf } from "../../functions/src/domain/publication/projection.js";
import type { DocumentRequirement } from "../../functions/src/domain/selection/setup.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { writeProjection } from "../../functions/src/publication/projectSelection.js";
import { DEMO_PASSWORD, INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { FAUZI_INPUT } from "../fixtures/metro2021Profile.js";
import { auth, db } from "./admin.js";
import { wibDate } from "./process.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const DAY_MS = 86_400_000;

/** Metro's schedule moved so that registration ends `days` from today (WIB). */
export function scheduleEndingIn(days: number): StoredSelection["schedule"] {
  const shift = Math.round((Date.parse(wibDate(days)) - Date.parse(METRO.schedule.pendaftaran!.end)) / DAY_MS);
  const move = (iso: string) => new Date(Date.parse(iso) + shift * DAY_MS).toISOString().slice(0, 10);
  return Object.fromEntries(
    Object.entries(METRO.schedule).map(([stage, range]) => [stage, { start: move(range.start), end: move(range.end) }]),
  );
}

/** Metro's selection in registration (ending in five days), every post asking for `documents`. */
export async function openMetroCopy(selectionId: string, documents: DocumentRequirement[]): Promise<StoredSelection> {
  const selection: StoredSelection = {
    ...METRO,
    instansiId: "kota-metro",
    instansiName: INSTANSI["kota-metro"]!.name,
    stage: "pendaftaran",
    public: true,
    // Old, so the public home's newest selections stay the demo's.
    announcedAt: "2000-01-01T00:00:00.000Z",
    schedule: scheduleEndingIn(5),
    panselUids: [],
    counts: ZERO_COUNTS,
    posts: METRO.posts.map((p) => ({ ...p, requirements: { ...p.requirements, documents } })),
  };
  await db.collection(COLLECTIONS.selections).doc(selectionId).set(selection);
  await writeProjection(
    selectionId,
    publicProjectionOf(selection, { province: INSTANSI["kota-metro"]!.province, timeZone: "Asia/Jakarta" }),
  );
  return selection;
}

/** The copy, its projection, its applications with their uploads and receipts. */
export async function removeSelectionCopy(selectionId: string): Promise<void> {
  const apps = await db.collection(COLLECTIONS.applications).where("selectionId", "==", selectionId).get();
  for (const a of apps.docs) {
    const receipt = (a.data() as StoredApplication).receipt;
    if (receipt) {
      await db.recursiveDelete(db.collection(COLLECTIONS.documents).doc(receipt.documentId));
      await db.recursiveDelete(db.collection(COLLECTIONS.files).doc(receipt.documentId));
    }
    const uploads = await db.collection(COLLECTIONS.uploads).where("applicationId", "==", a.id).get();
    for (const u of uploads.docs) await db.recursiveDelete(u.ref);
    await db.recursiveDelete(a.ref);
  }
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(selectionId));
  await db.recursiveDelete(db.collection(COLLECTIONS.publicSelections).doc(selectionId));
}

/**
 * Follows a link inside the running app, as from the candidate's list of open selections: a full
 * page load would go through the sharePage function, whose cold start on a busy machine is not what
 * these tests measure.
 */
export async function followInApp(page: Page, href: string): Promise<void> {
  await page.evaluate((to) => {
    const link = document.createElement("a");
    link.href = to;
    document.body.append(link);
    link.click();
  }, href);
}

/**
 * Fauzi (test/fixtures/metro2021Profile.ts) as a signed-up candidate with a confirmed NIP and the
 * profile `profile` (his full one unless a test leaves something out); returns the account's uid.
 */
export async function fauziCandidate(email: string, profile: Record<string, unknown> = FAUZI_INPUT): Promise<string> {
  const user = await auth.createUser({
    email,
    password: DEMO_PASSWORD,
    emailVerified: true,
    displayName: FAUZI_INPUT.name,
  });
  await db
    .collection(COLLECTIONS.profiles)
    .doc(user.uid)
    .set({
      ...profile,
      nip: "197203151998031004",
      email,
      serviceStart: "1998-03",
      sex: "L",
      nipStatus: "confirmed",
    });
  return user.uid;
}
