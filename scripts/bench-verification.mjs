// `npm run bench` (verification part): a selection with 2,000 submitted applications in the Firestore
// emulator, written with the Admin SDK, and the operators' queue read as the screen reads it: the
// same query (web/src/data/verificationQueue.ts) through the web SDK, under the security rules, as
// an operator of the government. Counts the documents each page and opening one application read,
// and prints them with the time taken; asserts nothing. Starts its own Firestore emulator (run it
// inside a network namespace when other emulators may be running), then runs itself inside it.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const PROJECT = "demo-bench-verify";
const APPLICATIONS = 2000;
const OTHER_POST = 500;

if (!process.env["FIRESTORE_EMULATOR_HOST"]) {
  const { firestoreEmulatorEnv } = await import("./lib/firestore-emulator.mjs");
  const { bin, repoRoot } = await import("./lib/paths.mjs");
  const self = `${bin("tsx")} --tsconfig web/tsconfig.json scripts/bench-verification.mjs`;
  const result = spawnSync(bin("firebase"), ["emulators:exec", "--only", "firestore", "--project", PROJECT, self], {
    cwd: repoRoot,
    env: { ...process.env, ...firestoreEmulatorEnv() },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  // Only the bench's own lines: the emulator's start-up chatter is not a figure.
  process.stdout.write(
    result.stdout
      .split("\n")
      .filter((l) => l.startsWith("verification"))
      .join("\n") + "\n",
  );
  process.exit(result.status ?? 1);
}

process.env["GCLOUD_PROJECT"] = PROJECT;
const { initializeApp: initializeAdmin } = await import("firebase-admin/app");
const { getFirestore: adminFirestore } = await import("firebase-admin/firestore");
const { initializeApp } = await import("firebase/app");
const { connectFirestoreEmulator, doc, getDoc, getDocs, getFirestore } = await import("firebase/firestore");
const { queueQuery, QUEUE_PAGE_SIZE } = await import("../web/src/data/verificationQueue.ts");
const { submittedApplication, acceptedDocument, writeAcceptedUpload } = await import("../test/support/applications.ts");
const { SELECTIONS, INSTANSI } = await import("../seed/metro2021.ts");
const { ZERO_COUNTS } = await import("../functions/src/domain/selection/stored.ts");

const admin = adminFirestore(initializeAdmin({ projectId: PROJECT }));
const METRO = SELECTIONS["metro-2021-jpt"];
const instansiId = METRO.instansiId;
const selectionId = "bench-verify";
const [bappeda, other] = METRO.posts;

// ---- data: 2,000 applications to Bappeda and 500 to another post, half of Bappeda's decided ----------
const written = performance.now();
await admin.doc(`instansi/${instansiId}`).set(INSTANSI[instansiId]);
await admin.doc(`instansi/${instansiId}/members/bench-op`).set({
  instansiId,
  email: "op@bench.demo",
  name: "Operator Bench",
  roles: ["operator"],
});
await admin.doc(`selections/${selectionId}`).set({
  ...METRO,
  stage: "seleksiAdministrasi",
  counts: { ...ZERO_COUNTS, unverifiedApplications: APPLICATIONS / 2 + OTHER_POST },
});
const writer = admin.bulkWriter();
const documents = {
  "sk-pangkat": acceptedDocument("bench-sk", "sk-pangkat.pdf", "application/pdf", 1_200_000),
  ijazah: acceptedDocument("bench-ijazah", "ijazah.jpg", "image/jpeg"),
};
let first;
for (let i = 0; i < APPLICATIONS + OTHER_POST; i++) {
  const post = i < APPLICATIONS ? bappeda : other;
  const app = submittedApplication({
    instansiId,
    selectionId,
    postId: post.id,
    postName: post.name,
    candidateUid: `bench-cand-${String(i).padStart(5, "0")}`,
    candidateName: `Calon ${i}`,
    submittedAt: new Date(Date.UTC(2021, 8, 20) + i * 60_000).toISOString(),
    documents,
  });
  first ??= app;
  const { id, ...data } = app;
  writer.set(admin.doc(`applications/${id}`), { ...data, reviewed: i < APPLICATIONS && i % 2 === 1 });
}
await writer.close();
// The file the operator opens: 1.2 MB, three chunks of at most 512 KiB.
await writeAcceptedUpload(admin, "bench-sk", first, "sk-pangkat", {
  fileName: "sk-pangkat.pdf",
  mimeType: "application/pdf",
  bytes: new Uint8Array(1_200_000).fill(37),
});
const writeSeconds = (performance.now() - written) / 1000;

// ---- the operator's phone: the web SDK under the rules ----------------------------------------------
const [host, port] = process.env["FIRESTORE_EMULATOR_HOST"].split(":");
const db = getFirestore(initializeApp({ projectId: PROJECT, apiKey: "bench" }));
connectFirestoreEmulator(db, host, Number(port), {
  mockUserToken: { sub: "bench-op", email_verified: true, instansi: instansiId, roles: ["operator"] },
});

const line = (what, reads, ms) =>
  console.log(`verification ${what.padEnd(58)} ${String(reads).padStart(4)} reads  ${ms.toFixed(0).padStart(5)} ms`);

async function page(label, request) {
  const start = performance.now();
  const snap = await getDocs(queueQuery(db, request));
  line(label, snap.size, performance.now() - start);
  const last = snap.docs.at(-1);
  return last ? { submittedAt: last.get("submittedAt"), id: last.id } : undefined;
}

console.log(
  `verification bench: ${APPLICATIONS.toLocaleString("en")} applications to one post (+${OTHER_POST} to another), written in ${writeSeconds.toFixed(1)} s; page size ${QUEUE_PAGE_SIZE}`,
);
const base = { instansiId, selectionId, postId: bappeda.id };
await getDocs(queueQuery(db, { ...base, onlyUnverified: false })); // warm the emulator's query path
let after = await page("queue page 1, all", { ...base, onlyUnverified: false });
after = await page("queue page 2, all (cursor)", { ...base, onlyUnverified: false, after });
await page("queue page 3, all (cursor)", { ...base, onlyUnverified: false, after });
after = await page("queue page 1, belum diverifikasi", { ...base, onlyUnverified: true });
await page("queue page 2, belum diverifikasi (cursor)", { ...base, onlyUnverified: true, after });
// Opening one application: the application, its review (none yet) and the selection (checklist labels).
let start = performance.now();
const opened = await Promise.all([
  getDoc(doc(db, "applications", first.id)),
  getDoc(doc(db, "applications", first.id, "review", "main")),
  getDoc(doc(db, "selections", selectionId)),
]);
line("open one application (application, review, selection)", opened.length, performance.now() - start);
start = performance.now();
const manifest = await getDoc(doc(db, "uploads", "bench-sk"));
const chunkCount = manifest.get("chunkCount");
for (let i = 0; i < chunkCount; i++) await getDoc(doc(db, "uploads", "bench-sk", "chunks", String(i).padStart(5, "0")));
line(`view one 1.2 MB document (manifest + ${chunkCount} chunks)`, 1 + chunkCount, performance.now() - start);
console.log(
  "verification reads are documents returned; the rules add lookups of their own per request (the members record; for a review or a chunk, its parent)",
);
process.exit(0);
