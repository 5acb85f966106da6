/**
 * A post ready to be ranked, written with the Admin SDK in the shapes the scoring functions leave
 * (other work of issue 9): MS applications, members' submitted scores, the imported assessment
 * results and the conflict declarations. Used by the ranking's function tests and its browser test.
 */
import type { Firestore } from "firebase-admin/firestore";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { applicationId } from "../../functions/src/domain/applications/application.js";
import { importedScoreId, type StoredImportedScore } from "../../functions/src/domain/scoring/assessmentImport.js";
import { conflictsId, kindsOf, type StoredConflicts } from "../../functions/src/domain/scoring/conflicts.js";
import { scoreId, type StoredScore } from "../../functions/src/domain/scoring/score.js";
import type { StoredRanking } from "../../functions/src/domain/scoring/postRanking.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { CANDIDATES, SELECTIONS } from "../../seed/metro2021.js";
import { METRO_PLAN } from "../fixtures/metro2021Scoring.js";
import { submittedApplication, writeApplication } from "./applications.js";

export const METRO = SELECTIONS["metro-2021-jpt"]!;
const PAPER = ["substansi", "program-kerja", "presentasi"];
const INTERVIEW = ["visi-misi", "integritas", "kepemimpinan", "pemahaman-tugas"];
/** Rubric level per candidate, best first: distinct totals, no tie. */
const LEVELS = [90, 90, 75, 75, 60, 60, 40, 40];

/** Metro 2021 in pemeringkatan with these members (the first is the ketua) on the committee. */
export function rankingSelection(instansiId: string, members: readonly string[]): StoredSelection {
  return {
    ...METRO,
    instansiId,
    instansiName: "Pemerintah Kota Metro",
    stage: "pemeringkatan",
    public: true,
    announcedAt: "2021-09-20T08:00:00+07:00",
    scoringPlan: METRO_PLAN,
    pansel: METRO.pansel.map((m, i) => (members[i] ? { ...m, uid: members[i] } : m)),
    panselUids: [...members],
    postDecisions: { bpbd: "cancelPost" },
  };
}

export interface SeededPost {
  readonly applicationIds: string[];
  readonly scores: (StoredScore & { id: string })[];
}

/**
 * `count` MS candidates to `postId`, every member's submitted scores, the assessment imported for
 * all. `recused`: one member declares a family tie to the last candidate (and scored them 90 anyway,
 * as a bug or a reopened declaration would leave it).
 */
export async function seedRankingReadyPost(
  db: Firestore,
  f: {
    readonly instansiId: string;
    readonly selectionId: string;
    readonly postId: string;
    readonly members: readonly string[];
    readonly count?: number;
    readonly recused?: string;
  },
): Promise<SeededPost> {
  const count = f.count ?? 6;
  const post = METRO.posts.find((p) => p.id === f.postId)!;
  const applicationIds: string[] = [];
  const scores: (StoredScore & { id: string })[] = [];
  const base = { instansiId: f.instansiId, selectionId: f.selectionId, postId: f.postId };
  for (let i = 0; i < count; i++) {
    const c = CANDIDATES[i]!;
    const app = submittedApplication({
      ...base,
      postName: post.name,
      candidateUid: c.uid,
      candidateName: c.name,
      status: "ms",
    });
    await writeApplication(db, { ...app, nip: c.nip });
    const id = applicationId(f.selectionId, f.postId, c.uid);
    applicationIds.push(id);
    const level = LEVELS[i % LEVELS.length]!;
    for (const memberUid of f.members) {
      const lvl = f.recused === memberUid && i === count - 1 ? 90 : level;
      const entry = (componentId: string, levels: Record<string, number> | null, value: number | null) => ({
        ...base,
        applicationId: id,
        componentId,
        memberUid,
        levels,
        value,
        note: "",
        status: "submitted" as const,
        submittedAt: "2021-11-10T03:00:00.000Z",
        revision: 1,
        reopened: null,
        id: scoreId(id, componentId, memberUid),
      });
      scores.push(entry("makalah", Object.fromEntries(PAPER.map((k) => [k, lvl])), null));
      scores.push(entry("wawancara", Object.fromEntries(INTERVIEW.map((k) => [k, lvl])), null));
      scores.push(entry("rekam-jejak", null, 80 - (i % 4)));
    }
    const imported: StoredImportedScore = {
      ...base,
      applicationId: id,
      componentId: "asesmen",
      nip: c.nip,
      raw: 340 - i * 7,
      rawMax: 400,
      marks: (340 - i * 7) * 100,
      date: "2019-08-14",
      source: "UPT Penilaian Kompetensi BKN",
      stale: false,
      importedAt: "2021-11-01T03:00:00.000Z",
      importedBy: "operator",
    };
    await db.collection(COLLECTIONS.importedScores).doc(importedScoreId(id, "asesmen")).set(imported);
  }
  await writeScores(db, scores);
  for (const memberUid of f.members) {
    const entries = applicationIds.map((applicationId, i) => ({
      applicationId,
      kind: f.recused === memberUid && i === count - 1 ? ("family" as const) : ("none" as const),
      note: "",
    }));
    const doc: StoredConflicts = {
      ...base,
      memberUid,
      entries,
      kinds: kindsOf(entries),
      declaredAt: "2021-11-01T02:00:00.000Z",
    };
    await db
      .collection(COLLECTIONS.conflicts)
      .doc(conflictsId(f.selectionId, f.postId, memberUid))
      .set(doc);
  }
  return { applicationIds, scores };
}

export async function writeScores(db: Firestore, scores: readonly (StoredScore & { id: string })[]): Promise<void> {
  for (let i = 0; i < scores.length; i += 400) {
    const batch = db.batch();
    for (const { id, ...data } of scores.slice(i, i + 400)) batch.set(db.collection(COLLECTIONS.scores).doc(id), data);
    await batch.commit();
  }
}

/**
 * A post's final ranking (`rankings/{sel}_{post}_pemeringkatan`) in the shape computeRanking stores,
 * its canonical JSON reduced to what the PPK's choice and the letters after it read: four candidates
 * `{sel}_{post}_c{rank}` named "Calon {post} {rank}", their totals and masked NIPs, the first three
 * the 3 besar. Not lockable: one score still awaited, so no 3 besar may be offered.
 */
export async function writeFinalRanking(
  db: Firestore,
  f: { instansiId: string; selectionId: string; postId: string; lockable: boolean; sha256: string },
): Promise<void> {
  const ids = [1, 2, 3, 4].map((rank) => `${f.selectionId}_${f.postId}_c${rank}`);
  const ranking: StoredRanking = {
    instansiId: f.instansiId,
    selectionId: f.selectionId,
    postId: f.postId,
    stage: "pemeringkatan",
    json: JSON.stringify({
      ranked: ids.map((applicationId, i) => ({ applicationId, rank: i + 1, total: 9000 - i * 325 })),
      candidates: ids.map((applicationId, i) => ({
        applicationId,
        name: `Calon ${f.postId} ${i + 1}`,
        nip: "197501122000031***",
      })),
    }),
    sha256: f.sha256,
    components: [],
    finalists: ids.slice(0, 3),
    blockers: f.lockable ? 0 : 1,
    lockable: f.lockable,
    computedAt: "2021-11-10T03:00:00.000Z",
    computedBy: { uid: "op", name: "Operator", role: "operator" },
  };
  await db.collection(COLLECTIONS.rankings).doc(`${f.selectionId}_${f.postId}_pemeringkatan`).set(ranking);
}
