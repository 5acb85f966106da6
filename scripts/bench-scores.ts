/**
 * `npm run bench` (scores part): 500 pansel members score at the same time, against the emulators,
 * printed and never asserted.
 *
 * 100 governments each run a selection in its interview stage with a committee of five (the pansel
 * has at most 15 members, so 500 members scoring at once are many committees) and two MS candidates;
 * every member has declared no conflict. Then:
 * 1. Every member's tablet writes its two score drafts (`scoreDrafts`, one per candidate) through the
 *    client SDK under the security rules, all 500 members at once: 1,000 writes.
 * 2. Every member submits both (`submitScore`, 1,000 calls, one member of each selection after
 *    another); a call that fails without a reason (a dropped connection, a transaction given up
 *    under contention) is retried with the same request id, as the tablet does. Callables are bounded to
 *    SELEKSI_BENCH_CALL_CONCURRENCY at a time (default 8): the Functions emulator starts one worker
 *    process per concurrent call and keeps it, and bursts of 40 or more time out on 2 cores. In
 *    production instances scale out; this is the emulator's figure, not production's.
 * 3. 100 of those submissions are sent again with a new request id (a tablet that did not hear the
 *    answer and the member tapping again): each must be refused, never counted twice.
 * Then every selection is read back: 10 submitted scores, 10 audit entries of submitScore, the
 * interview's unlocked count at 0 and the total lowered by exactly 10. Printed: writes and calls per
 * second, errors, and what was lost or counted twice (both should be 0).
 *
 * Started by scripts/bench-scores.mjs, which runs the emulators; expects FIRESTORE_EMULATOR_HOST etc.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { connectFirestoreEmulator, doc, getFirestore, setDoc } from "firebase/firestore/lite";

const DEMO_PROJECT = "demo-seleksi";
const repoRoot = join(import.meta.dirname, "..");
const GOVERNMENTS = 100;
const MEMBERS = 5;
const CANDIDATES = 2;
const DUPLICATES = 100;
const CONCURRENCY = Number(process.env["SELEKSI_BENCH_CALL_CONCURRENCY"] ?? 8);

interface Hosts {
  auth: { host: string; port: number };
  firestore: { host: string; port: number };
  functions: { host: string; port: number };
}
const config = (JSON.parse(readFileSync(join(repoRoot, "firebase.json"), "utf8")) as { emulators: Hosts }).emulators;
process.env["GCLOUD_PROJECT"] ??= DEMO_PROJECT;

const { auth, db } = await import("../functions/src/shell/admin.js");
const { COLLECTIONS } = await import("../functions/src/domain/collections.js");
const { FUNCTIONS_REGION } = await import("../functions/src/domain/deployment.js");
const { applicationId } = await import("../functions/src/domain/applications/application.js");
const { conflictsId, kindsOf } = await import("../functions/src/domain/scoring/conflicts.js");
const { scoreId } = await import("../functions/src/domain/scoring/score.js");
const { ZERO_COUNTS } = await import("../functions/src/domain/selection/stored.js");
const { INSTANSI, SELECTIONS } = await import("../seed/metro2021.js");
const { SCORING_PLAN } = await import("../seed/scoring.js");

const run = Date.now().toString(36);
const metro = SELECTIONS["metro-2021-jpt"]!;
const componentIndex = SCORING_PLAN.components.findIndex((c) => c.id === "wawancara");
const interview = SCORING_PLAN.components[componentIndex]!;
const rubric = interview.rubric!;
const password = "Bench-Nilai-2026";
const pansel = (g: number) => Array.from({ length: MEMBERS }, (_, m) => `bn-${run}-${g}-${m}`);
const selectionOf = (g: number) => `bench-nilai-${run}-${g}`;
const instansiOf = (g: number) => `bench-gov-${run}-${g}`;
const appsOf = (g: number) =>
  Array.from({ length: CANDIDATES }, (_, c) => applicationId(selectionOf(g), "bappeda", `bn-cand-${run}-${g}-${c}`));
/** Expected per selection in the stages the plan's pansel components are scored in. */
const perStage = Object.fromEntries(
  SCORING_PLAN.components.filter((c) => !c.imported).map((c) => [c.stage, MEMBERS * CANDIDATES]),
);
const total = Object.values(perStage).reduce((a, b) => a + b, 0);

// ---- setup, with the Admin SDK: selections, applications, declarations, accounts --------------------
const setupStart = performance.now();
for (let g = 0; g < GOVERNMENTS; g++) {
  const uids = pansel(g);
  const batch = db.batch();
  batch.set(db.collection(COLLECTIONS.instansi).doc(instansiOf(g)), INSTANSI["kota-metro"]!);
  batch.set(db.collection(COLLECTIONS.selections).doc(selectionOf(g)), {
    ...metro,
    instansiId: instansiOf(g),
    stage: "wawancara",
    scoringPlan: SCORING_PLAN,
    pansel: metro.pansel.slice(0, MEMBERS).map((p, m) => ({ ...p, uid: uids[m] })),
    panselUids: uids,
    panselAssignments: {},
    counts: { ...ZERO_COUNTS, unlockedScores: total, unlockedScoresByStage: perStage },
  });
  for (const [c, id] of appsOf(g).entries()) {
    batch.set(db.collection(COLLECTIONS.applications).doc(id), {
      instansiId: instansiOf(g),
      selectionId: selectionOf(g),
      postId: "bappeda",
      postName: metro.posts.find((p) => p.id === "bappeda")!.name,
      candidateUid: `bn-cand-${run}-${g}-${c}`,
      candidateName: `Calon ${g}-${c}`,
      nip: "197203151998031004",
      status: "ms",
      createdAt: "2021-08-30T02:00:00.000Z",
      updatedAt: "2021-09-06T03:00:00.000Z",
    });
  }
  for (const uid of uids) {
    const entries = appsOf(g).map((id) => ({ applicationId: id, kind: "none" as const, note: "" }));
    batch.set(db.collection(COLLECTIONS.conflicts).doc(conflictsId(selectionOf(g), "bappeda", uid)), {
      instansiId: instansiOf(g),
      selectionId: selectionOf(g),
      postId: "bappeda",
      memberUid: uid,
      entries,
      kinds: kindsOf(entries),
      declaredAt: "2021-09-13T02:00:00.000Z",
    });
    batch.set(db.collection(COLLECTIONS.instansi).doc(instansiOf(g)).collection(COLLECTIONS.members).doc(uid), {
      instansiId: instansiOf(g),
      email: `${uid}@bench.demo`,
      name: `Anggota ${uid}`,
      roles: ["pansel"],
    });
  }
  await batch.commit();
  await Promise.all(
    uids.map(async (uid) => {
      await auth.createUser({ uid, email: `${uid}@bench.demo`, password, emailVerified: true });
      await auth.setCustomUserClaims(uid, { instansi: instansiOf(g), roles: ["pansel"] });
    }),
  );
}
const setupMs = performance.now() - setupStart;

// ---- the 500 tablets sign in ------------------------------------------------------------------------
const members = Array.from({ length: GOVERNMENTS }, (_, g) => pansel(g).map((uid) => ({ g, uid }))).flat();
const apps: FirebaseApp[] = [];
const tablets = await Promise.all(
  members.map(async (m, i) => {
    const app = initializeApp({ projectId: DEMO_PROJECT, apiKey: "bench-key" }, `nilai-${i}`);
    apps.push(app);
    const a = getAuth(app);
    connectAuthEmulator(a, `http://${config.auth.host}:${config.auth.port}`, { disableWarnings: true });
    const user = (await signInWithEmailAndPassword(a, `${m.uid}@bench.demo`, password)).user;
    const fs = getFirestore(app);
    connectFirestoreEmulator(fs, config.firestore.host, config.firestore.port);
    return { ...m, fs, idToken: await user.getIdToken() };
  }),
);

/** Each member scores each candidate with a level per indicator, varied so the figures differ. */
const levelsFor = (g: number, m: number, c: number) =>
  Object.fromEntries(
    rubric.indicators.map((ind, k) => [ind.id, rubric.levels[(g + m + c + k) % rubric.levels.length]!.score]),
  );

// ---- 1. every draft at once, under the rules --------------------------------------------------------
let draftErrors = 0;
const draftStart = performance.now();
await Promise.all(
  tablets.flatMap((t) =>
    appsOf(t.g).map(async (id, c) => {
      const m = pansel(t.g).indexOf(t.uid);
      try {
        await setDoc(doc(t.fs, COLLECTIONS.scoreDrafts, scoreId(id, interview.id, t.uid)), {
          instansiId: instansiOf(t.g),
          selectionId: selectionOf(t.g),
          postId: "bappeda",
          applicationId: id,
          componentId: interview.id,
          componentIndex,
          memberUid: t.uid,
          levels: levelsFor(t.g, m, c),
          value: null,
          note: "",
          savedAt: new Date().toISOString(),
        });
      } catch {
        draftErrors++;
      }
    }),
  ),
);
const draftMs = performance.now() - draftStart;
const drafts = tablets.length * CANDIDATES;

// ---- 2. every submission, bounded ------------------------------------------------------------------
const url = `http://${config.functions.host}:${config.functions.port}/${DEMO_PROJECT}/${FUNCTIONS_REGION}/submitScore`;
async function submit(t: (typeof tablets)[number], c: number, requestId: string): Promise<string> {
  const id = appsOf(t.g)[c]!;
  const m = pansel(t.g).indexOf(t.uid);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${t.idToken}` },
    body: JSON.stringify({
      data: {
        requestId,
        selectionId: selectionOf(t.g),
        applicationId: id,
        componentId: interview.id,
        entry: { levels: levelsFor(t.g, m, c), value: null, note: "" },
      },
    }),
  });
  const body = (await response.json()) as {
    result?: unknown;
    error?: { status: string; details?: { issues?: { code: string }[] } };
  };
  return body.error ? (body.error.details?.issues?.[0]?.code ?? body.error.status) : "ok";
}
/** A refusal names its reason; anything else (a dropped connection, a contended transaction) is retried. */
const TRANSIENT = new Set(["network", "INTERNAL", "ABORTED", "UNAVAILABLE", "DEADLINE_EXCEEDED"]);
let retries = 0;
const retryCauses = new Map<string, number>();
/** As the tablet does: the same request id again, so a submission that did land is not counted twice. */
async function submitRetrying(t: (typeof tablets)[number], c: number, requestId: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await submit(t, c, requestId).catch(() => "network");
    if (!TRANSIENT.has(outcome) || attempt === 4) return outcome;
    retries++;
    retryCauses.set(outcome, (retryCauses.get(outcome) ?? 0) + 1);
  }
}
async function bounded<T>(items: readonly T[], work: (item: T) => Promise<string>): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const outcome = await work(item).catch(() => "network");
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }),
  );
  return outcomes;
}
// Round the rooms: one member of each selection after another, as 100 committees submit at once.
const jobs = Array.from({ length: MEMBERS * CANDIDATES }, (_, k) =>
  Array.from({ length: GOVERNMENTS }, (_, g) => ({
    t: tablets[g * MEMBERS + (k % MEMBERS)]!,
    c: Math.floor(k / MEMBERS),
  })),
).flat();
const submitStart = performance.now();
const submitted = await bounded(jobs, ({ t, c }) => submitRetrying(t, c, `bench-${t.uid}-${c}`));
const submitMs = performance.now() - submitStart;

// ---- 3. the same submissions again, with new request ids --------------------------------------------
const again = await bounded(jobs.slice(0, DUPLICATES), ({ t, c }) => submitRetrying(t, c, `bench-again-${t.uid}-${c}`));

// ---- read back ---------------------------------------------------------------------------------------
let scores = 0;
let audits = 0;
let wrongCounts = 0;
for (let g = 0; g < GOVERNMENTS; g++) {
  const sid = selectionOf(g);
  const found = await db
    .collection(COLLECTIONS.scores)
    .where("selectionId", "==", sid)
    .where("status", "==", "submitted")
    .count()
    .get();
  scores += found.data().count;
  const audit = await db
    .collection(COLLECTIONS.selections)
    .doc(sid)
    .collection(COLLECTIONS.audit)
    .where("action", "==", "submitScore")
    .count()
    .get();
  audits += audit.data().count;
  const counts = (await db.collection(COLLECTIONS.selections).doc(sid).get()).get("counts") as {
    unlockedScores: number;
    unlockedScoresByStage: Record<string, number>;
  };
  if (counts.unlockedScoresByStage["wawancara"] !== 0 || counts.unlockedScores !== total - MEMBERS * CANDIDATES)
    wrongCounts++;
}
await Promise.all(apps.map((a) => deleteApp(a)));

const expected = GOVERNMENTS * MEMBERS * CANDIDATES;
const fmt = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(", ");
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
console.log(
  `\nScores: ${tablets.length} pansel members (${GOVERNMENTS} selections × ${MEMBERS}), ${CANDIDATES} candidates each, at the same time`,
);
console.log(
  `  setup (Admin SDK: selections, applications, declarations, ${tablets.length} accounts): ${(setupMs / 1000).toFixed(1)} s`,
);
console.log(
  `  drafts from the tablets under the rules, all at once: ${drafts - draftErrors}/${drafts} acknowledged in ` +
    `${(draftMs / 1000).toFixed(1)} s (${Math.round(drafts / (draftMs / 1000))} writes/s), errors ${draftErrors}`,
);
console.log(
  `  submitScore, ${CONCURRENCY} at a time: ${jobs.length} submissions in ${(submitMs / 1000).toFixed(1)} s ` +
    `(${(jobs.length / (submitMs / 1000)).toFixed(1)}/s): ${fmt(submitted)}; retried with the same request id ` +
    `${retries} times (${fmt(retryCauses) || "none"})`,
);
console.log(`  the same ${DUPLICATES} submissions again with new request ids: ${fmt(again)}`);
console.log(
  `  read back: ${scores}/${expected} scores submitted, ${audits} audit entries, lost ${expected - scores}, ` +
    `counted twice ${Math.max(0, audits - expected)}, selections whose counts are off ${wrongCounts}; ` +
    `${cpus().length} cores, load average ${load}`,
);
