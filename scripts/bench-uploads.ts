/**
 * `npm run bench` (third part): uploads, against the emulators, printed and never asserted.
 *
 * 1. 100 candidates upload a 1 MB PDF each at the same time: 100 client apps, each signed in as its
 *    own candidate, write the manifest, two chunks and `complete` through the client SDK, under the
 *    security rules, all at once. The completion trigger checks each file and records it on the
 *    candidate's application. Printed: the wall time until every write is acknowledged, writes per
 *    second, the time until every file is checked, and whether every file arrived accepted and whole.
 *    Trigger concurrency is bounded: the Functions emulator would start one Node process per
 *    concurrent event (100 here), so it runs with --inspect-functions, which serialises them (one
 *    worker). In production each instance takes one event at a time (gen 2 below 1 CPU) and instances
 *    scale out, so the checking time here is an upper bound.
 *    After the wait, the upload sweep (functions/src/files/uploadSweep.ts, the hourly scheduled
 *    function's logic) runs once with its clock moved past its threshold, so a file whose trigger
 *    event was lost is checked as it would be in production within the hour; printed: how many it
 *    finished.
 * 2. A 3 MB phone photo through the PWA in Chromium on an emulated 400 kbps / 400 ms link, on the
 *    application screen (checklist with the upload control inline): the time until it is stored
 *    (every write acknowledged) and until it is checked, and the bytes sent.
 *
 * Started by scripts/bench-uploads.mjs, which runs the emulators (with --inspect-functions) and seeds
 * the demo; this part expects them running and FIRESTORE_EMULATOR_HOST etc. set.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { Bytes, connectFirestoreEmulator, doc, getFirestore, setDoc, updateDoc } from "firebase/firestore/lite";
import { chromium } from "playwright-core";
import { findChromium } from "./lib/chromium.mjs";

const DEMO_PROJECT = "demo-seleksi";
const repoRoot = join(import.meta.dirname, "..");

const CANDIDATES = 100;
const FILE_BYTES = 1024 * 1024;
const CHUNK = 512 * 1024;

interface Hosts {
  auth: { host: string; port: number };
  firestore: { host: string; port: number };
  hosting: { host: string; port: number };
  hub: { host: string; port: number };
}
const config = (JSON.parse(readFileSync(join(repoRoot, "firebase.json"), "utf8")) as { emulators: Hosts }).emulators;
process.env["GCLOUD_PROJECT"] ??= DEMO_PROJECT;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

{
  const { auth, db } = await import("../functions/src/shell/admin.js");
  const { COLLECTIONS } = await import("../functions/src/domain/collections.js");
  const { applicationId } = await import("../functions/src/domain/applications/application.js");
  const { publicProjectionOf } = await import("../functions/src/domain/publication/projection.js");
  const { SELECTIONS } = await import("../seed/metro2021.js");

  // A selection with registration open, as in the browser test.
  const selectionId = `bench-uploads-${Date.now().toString(36)}`;
  const metro = SELECTIONS["metro-2021-jpt"]!;
  const selection = {
    ...metro,
    schedule: { ...metro.schedule, pendaftaran: { start: "2021-09-20", end: "2099-12-31" } },
  };
  const projection = publicProjectionOf(selection, { province: "Lampung" })!;
  await db.collection(COLLECTIONS.selections).doc(selectionId).set(selection);
  await db.collection(COLLECTIONS.publicSelections).doc(selectionId).set(projection.summary);
  await db
    .doc(`${COLLECTIONS.publicSelections}/${selectionId}/${COLLECTIONS.publicDetail}/main`)
    .set(projection.detail);
  const draft = (uid: string, postId: string) => ({
    instansiId: metro.instansiId,
    selectionId,
    postId,
    postName: metro.posts.find((p) => p.id === postId)?.name ?? "",
    candidateUid: uid,
    candidateName: uid,
    nip: "197203151998031004",
    status: "draft",
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    documents: {},
  });

  // `--photo-only` skips the first part (it takes minutes on a loaded machine); `--uploads-only` the second.
  if (!process.argv.includes("--photo-only")) {
    // ---- 1. 100 candidates at once ------------------------------------------------------------------
    const password = "Bench-Upload-2026";
    const people = Array.from({ length: CANDIDATES }, (_, i) => ({
      uid: `bench-up-${String(i).padStart(3, "0")}`,
      email: `bench-up-${i}@bench.demo`,
    }));
    await Promise.all(
      people.map(async (p) => {
        await auth.createUser({ uid: p.uid, email: p.email, password, emailVerified: true }).catch(() => undefined);
        await db
          .collection(COLLECTIONS.applications)
          .doc(applicationId(selectionId, "bappeda", p.uid))
          .set(draft(p.uid, "bappeda"));
      }),
    );
    const head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n";
    const tail = "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    const fileFor = (i: number) =>
      Buffer.from(`${head}%${String(i).repeat(FILE_BYTES)}`.slice(0, FILE_BYTES - tail.length) + tail, "latin1");

    const apps: FirebaseApp[] = [];
    const clients = await Promise.all(
      people.map(async (p, i) => {
        const app = initializeApp({ projectId: DEMO_PROJECT, apiKey: "bench-key" }, `bench-${i}`);
        apps.push(app);
        const a = getAuth(app);
        connectAuthEmulator(a, `http://${config.auth.host}:${config.auth.port}`, { disableWarnings: true });
        await signInWithEmailAndPassword(a, p.email, password);
        const fs = getFirestore(app);
        connectFirestoreEmulator(fs, config.firestore.host, config.firestore.port);
        return { ...p, fs, bytes: fileFor(i) };
      }),
    );

    const started = performance.now();
    let writes = 0;
    const fileIds = await Promise.all(
      clients.map(async (c, i) => {
        const fileId = `bench-${selectionId}-${i}`;
        const ref = doc(c.fs, COLLECTIONS.uploads, fileId);
        await setDoc(ref, {
          ownerUid: c.uid,
          instansiId: metro.instansiId,
          selectionId,
          applicationId: applicationId(selectionId, "bappeda", c.uid),
          postId: "bappeda",
          documentType: "surat-lamaran",
          fileName: "surat-lamaran.pdf",
          mimeType: "application/pdf",
          size: c.bytes.length,
          sha256: createHash("sha256").update(c.bytes).digest("hex"),
          chunkCount: Math.ceil(c.bytes.length / CHUNK),
          status: "uploading",
        });
        writes++;
        await Promise.all(
          [0, 1].map(async (index) => {
            const data = Bytes.fromUint8Array(c.bytes.subarray(index * CHUNK, (index + 1) * CHUNK));
            await setDoc(doc(ref, COLLECTIONS.chunks, String(index).padStart(5, "0")), { data });
            writes++;
          }),
        );
        await updateDoc(ref, { status: "complete" });
        writes++;
        return fileId;
      }),
    );
    const writtenMs = performance.now() - started;

    const decided = async () => {
      const snaps = await db.getAll(...fileIds.map((id) => db.collection(COLLECTIONS.uploads).doc(id)));
      return snaps.filter((s) => ["accepted", "rejected"].includes(String(s.get("status"))));
    };
    // The wait ends when every file is checked, after 15 minutes, or when no check has finished for
    // two minutes (a lost trigger event would otherwise hold it to the full 15).
    let done = await decided();
    let progressAt = performance.now();
    while (
      done.length < CANDIDATES &&
      performance.now() - started < 15 * 60_000 &&
      performance.now() - progressAt < 2 * 60_000
    ) {
      await sleep(1000);
      const before = done.length;
      done = await decided();
      if (done.length > before) progressAt = performance.now();
    }
    const checkedMs = performance.now() - started;
    const byTrigger = done.length;
    // What the hourly sweep does for a completion whose trigger never ran, now rather than in an
    // hour: its clock is put past the threshold; production's threshold and schedule are unchanged.
    const { sweepUploads, UNCHECKED_AFTER_MS } = await import("../functions/src/files/uploadSweep.js");
    const swept = await sweepUploads(new Date(Date.now() + UNCHECKED_AFTER_MS + 60_000), db);
    const ours = new Set(fileIds);
    const sweptOurs = swept.checked.filter((id) => ours.has(id)).length;
    done = await decided();
    const accepted = done.filter((s) => s.get("status") === "accepted").length;
    const apps2 = await db.getAll(
      ...people.map((p) => db.collection(COLLECTIONS.applications).doc(applicationId(selectionId, "bappeda", p.uid))),
    );
    const onChecklist = apps2.filter((a, i) => a.get("documents.surat-lamaran.fileId") === fileIds[i]).length;
    console.log(
      `\nUploads: ${CANDIDATES} candidates, a ${FILE_BYTES / 1024} KiB PDF each (2 chunks), at the same time`,
    );
    console.log(
      `  writes acknowledged: ${writes} in ${(writtenMs / 1000).toFixed(1)} s (${Math.round(writes / (writtenMs / 1000))} writes/s, ` +
        `${((CANDIDATES * FILE_BYTES) / 1024 / 1024 / (writtenMs / 1000)).toFixed(1)} MiB/s)`,
    );
    console.log(
      `  checked by the trigger (one worker): ${byTrigger}/${CANDIDATES} after ${(checkedMs / 1000).toFixed(1)} s; ` +
        `then by the sweep: ${sweptOurs} (failed ${swept.failed.length})`,
    );
    console.log(
      `  checked in all: ${done.length}/${CANDIDATES}; accepted ${accepted}, on the application's checklist ` +
        `${onChecklist}, lost ${CANDIDATES - done.length}; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
    );
    await Promise.all(apps.map((a) => deleteApp(a)));
  }

  // ---- 2. a 3 MB phone photo over 400 kbps / 400 ms ---------------------------------------------------
  // `--uploads-only` skips it (the first part's figures alone).
  if (process.argv.includes("--uploads-only")) process.exit(0);
  const site = `http://${config.hosting.host}:${config.hosting.port}`;
  const candidate = "demo-peserta-01";
  const appId = applicationId(selectionId, "asisten-1", candidate);
  await db.collection(COLLECTIONS.applications).doc(appId).set(draft(candidate, "asisten-1"));
  const browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? findChromium() ?? "chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "id-ID",
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${site}/masuk`);
    await page.getByLabel("Email").fill("peserta@metrokota.demo");
    await page.getByLabel("Kata sandi").fill("Seleksi2021");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(`${site}/peserta`, { timeout: 30_000 });
    await page.goto(`${site}/peserta/lamaran/${appId}`);
    const block = page.getByTestId("upload-sk-pangkat");
    await block.getByTestId("upload-status").waitFor({ timeout: 30_000 });
    const { cameraPhoto } = await import("../test/support/files.js");
    const photo = await cameraPhoto(page, 3000, 4000);

    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    // What leaves the phone: request bodies (the SDK sends chunks base64-encoded inside its requests).
    let sentBytes = 0;
    cdp.on(
      "Network.requestWillBeSent",
      (e: { requestId: string; request: { postData?: string; hasPostData?: boolean } }) => {
        if (e.request.postData !== undefined) sentBytes += e.request.postData.length;
        else if (e.request.hasPostData)
          void cdp.send("Network.getRequestPostData", { requestId: e.requestId }).then(
            (r) => (sentBytes += r.postData.length),
            () => undefined,
          );
      },
    );
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1000) / 8,
      uploadThroughput: (400 * 1000) / 8,
    });
    await block.getByTestId("upload-camera").setInputFiles({ name: "IMG.jpg", mimeType: "image/jpeg", buffer: photo });
    const t0 = performance.now();
    await block.getByRole("button", { name: "Kirim", exact: true }).click();
    const progress = block.getByTestId("upload-progress");
    await progress.waitFor({ timeout: 60_000 });
    const prepareMs = performance.now() - t0;
    await block
      .locator('[data-phase="checking"], [data-status="accepted"]')
      .first()
      .waitFor({ timeout: 15 * 60_000 });
    const storedMs = performance.now() - t0;
    await block.locator('[data-status="accepted"]').waitFor({ timeout: 5 * 60_000 });
    const acceptedMs = performance.now() - t0;
    const entry = (await db.collection(COLLECTIONS.applications).doc(appId).get()).get("documents.sk-pangkat") as
      { size: number; mimeType: string } | undefined;
    console.log(
      `\nA ${(photo.length / 1024 / 1024).toFixed(2)} MB phone photo (3000 × 4000) over 400 kbps / 400 ms (Chromium)`,
    );
    console.log(
      `  compressed on the phone in ${(prepareMs / 1000).toFixed(1)} s to ${Math.round((entry?.size ?? 0) / 1024)} KiB ` +
        `(${entry?.mimeType ?? "?"}); stored after ${(storedMs / 1000).toFixed(1)} s, accepted after ${(acceptedMs / 1000).toFixed(1)} s; ` +
        `request bodies sent ${Math.round(sentBytes / 1024)} KiB`,
    );
    console.log(
      `  load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (1, 5, 15 min) on ${cpus().length} cores`,
    );
  } finally {
    await browser.close();
  }
}
process.exit(0);
