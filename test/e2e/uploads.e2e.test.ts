/**
 * A candidate on a 360 px phone uploads the documents of a draft application (issue 8): a 3 MB
 * camera photo compressed on the phone, a scanned PDF that loses the network half-way, whose tab is
 * closed while offline and which still completes from the queue the Firestore SDK kept on the device,
 * and an EXE renamed .pdf that is refused in Indonesian. The draft is written by the Admin SDK, as the
 * apply function will (that screen is another's work); the uploads go through the rules and the
 * checkCompletedUpload function, which records each outcome on the application's checklist.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { applicationId } from "../../functions/src/domain/applications/application.js";
import { publicProjectionOf } from "../../functions/src/domain/publication/projection.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { SELECTIONS } from "../../seed/metro2021.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS, throttle } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";
import { cameraPhoto, scannedPdf } from "../support/files.js";

const demo = useDemoSite();
const RUN = uniqueSuffix();
const SELECTION = `unggah-${RUN}`;
const CANDIDATE = "demo-peserta-01"; // peserta@metrokota.demo
const POST = "asisten-1";
const APPLICATION = applicationId(SELECTION, POST, CANDIDATE);

/** Kota Metro's selection with registration open until the end of 2099, and the candidate's draft. */
async function draftApplication(): Promise<void> {
  const metro = SELECTIONS["metro-2021-jpt"]!;
  const selection: StoredSelection = {
    ...metro,
    title: `Seleksi unggah ${RUN}`,
    schedule: { ...metro.schedule, pendaftaran: { start: "2021-09-20", end: "2099-12-31" } },
  };
  const projection = publicProjectionOf(selection, { province: "Lampung" });
  if (!projection) throw new Error("no projection");
  expect(projection.summary.registrationClosesAtMs).toBeGreaterThan(Date.now());
  await db.collection(COLLECTIONS.selections).doc(SELECTION).set(selection);
  await db.collection(COLLECTIONS.publicSelections).doc(SELECTION).set(projection.summary);
  await db
    .collection(COLLECTIONS.publicSelections)
    .doc(SELECTION)
    .collection(COLLECTIONS.publicDetail)
    .doc("main")
    .set(projection.detail);
  await db
    .collection(COLLECTIONS.applications)
    .doc(APPLICATION)
    .set({
      instansiId: selection.instansiId,
      selectionId: SELECTION,
      postId: POST,
      postName: selection.posts[0]?.name ?? "",
      candidateUid: CANDIDATE,
      candidateName: "Drs. Ahmad Fauzi, M.Si.",
      nip: "197203151998031004",
      status: "draft",
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      documents: {},
    });
}

const entry = (page: Page, id: string) => page.getByTestId(`upload-${id}`);
const statusOf = (page: Page, id: string) =>
  entry(page, id).getByTestId("upload-status").getAttribute("data-status", { timeout: 5_000 });

/** Slows the phone's uplink so an upload of a few hundred KB takes seconds (Chromium's emulation). */
async function slowUplink(page: Page, kbps: number): Promise<void> {
  await throttle(page, { latencyMs: 100, downKbps: 4000, upKbps: kbps });
}

// A 3 MB photo compressed in the page, two uploads through the functions and a restart: minutes on
// a loaded machine, so more than the e2e default.
describe("uploading documents from a phone", { timeout: 360_000 }, () => {
  it("compresses a photo, survives going offline and a closed tab, and refuses an EXE renamed .pdf", async () => {
    await draftApplication();
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, "peserta@metrokota.demo", "/peserta");
    const url = `${demo.site}/peserta/lamaran/${APPLICATION}/dokumen`;
    await page.goto(url);
    await expect.poll(() => statusOf(page, "sk-pangkat"), { timeout: 20_000 }).toBe("missing");
    await slowUplink(page, 1000);

    // A 3 MB camera photo of the SK pangkat: one page, sent as a JPEG within 2048 KB.
    const photo = await cameraPhoto(page, 3000, 4000);
    expect(photo.length).toBeGreaterThan(2 * 1024 * 1024);
    await entry(page, "sk-pangkat")
      .getByTestId("upload-camera")
      .setInputFiles({ name: "IMG_20260915.jpg", mimeType: "image/jpeg", buffer: photo });
    await expect.poll(() => entry(page, "sk-pangkat").getByTestId("upload-pages").textContent()).toContain("1 halaman");
    await entry(page, "sk-pangkat").getByRole("button", { name: "Kirim" }).click();
    await expect
      .poll(() => entry(page, "sk-pangkat").getByTestId("upload-progress").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => entry(page, "sk-pangkat").textContent()).toMatch(/Diperkecil dari \d+ KB menjadi \d+ KB/);
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-upload-progress-360.png"), fullPage: true });
    await expect.poll(() => statusOf(page, "sk-pangkat"), { timeout: 90_000 }).toBe("accepted");

    // A scanned PDF of two chunks. The phone's link stalls (every write request held 3 s) and drops
    // while the upload is under way; then the tab is closed, still offline.
    const scan = scannedPdf(900 * 1024);
    await page.route(/google\.firestore\.v1\.Firestore\/Write\/channel/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue().catch(() => undefined);
    });
    await entry(page, "surat-lamaran")
      .getByTestId("upload-file")
      .setInputFiles({ name: "surat-lamaran.pdf", mimeType: "application/pdf", buffer: scan });
    const progress = entry(page, "surat-lamaran").getByTestId("upload-progress");
    await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toContain("Terkirim 0 dari 2 bagian");
    await context.setOffline(true);
    await expect
      .poll(() => entry(page, "surat-lamaran").getByTestId("upload-waiting").textContent())
      .toContain("Menunggu jaringan");
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-upload-offline-360.png"), fullPage: true });
    // Nothing of it is complete on the server: what is left waits in the phone's queue.
    const pending = await db.collection(COLLECTIONS.uploads).where("applicationId", "==", APPLICATION).get();
    expect(
      pending.docs.filter((d) => d.get("documentType") === "surat-lamaran" && d.get("status") !== "uploading"),
    ).toEqual([]);
    // The device remembers it, so the next start shows it while the queue goes out.
    const remembered = await page.evaluate((uid) => localStorage.getItem(`seleksi.uploads.${uid}`), CANDIDATE);
    const list = JSON.parse(remembered ?? "[]") as { documentType: string }[];
    expect(list.filter((u) => u.documentType === "surat-lamaran")).toEqual([
      expect.objectContaining({ phase: "sending", total: 2 }),
    ]);
    await page.close();

    // The phone is back online; the candidate opens the app again.
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(url);
    // The app shows the upload it remembers while the SDK sends the queue it kept.
    await expect
      .poll(() => entry(again, "surat-lamaran").getByTestId("upload-progress").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => statusOf(again, "surat-lamaran"), { timeout: 90_000 }).toBe("accepted");
    const stored = await db.collection(COLLECTIONS.uploads).where("applicationId", "==", APPLICATION).get();
    const pdfUploads = stored.docs.filter((d) => d.get("documentType") === "surat-lamaran");
    // One file, whole: nothing lost, nothing sent twice.
    expect(pdfUploads.map((d) => d.data())).toEqual([
      expect.objectContaining({ status: "accepted", size: scan.length, chunkCount: 2 }),
    ]);
    const pdfUpload = pdfUploads[0];

    // An EXE renamed .pdf: sent, refused by its magic bytes, with the reason in Indonesian.
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(4000, 0x41)]);
    await entry(again, "daftar-riwayat-hidup")
      .getByTestId("upload-file")
      .setInputFiles({ name: "drh.pdf", mimeType: "application/pdf", buffer: exe });
    await expect.poll(() => statusOf(again, "daftar-riwayat-hidup"), { timeout: 60_000 }).toBe("rejected");
    await expect
      .poll(() => entry(again, "daftar-riwayat-hidup").getByRole("alert").first().textContent())
      .toContain("Isi berkas tidak sesuai jenisnya: dinyatakan PDF, ternyata EXE.");
    await again.screenshot({ path: join(SCREENSHOTS, "candidate-upload-done-360.png"), fullPage: true });
    // Every upload decided, so the device remembers none.
    await expect
      .poll(() => again.evaluate((uid) => localStorage.getItem(`seleksi.uploads.${uid}`), CANDIDATE), {
        timeout: 30_000,
      })
      .toBe("[]");

    const documents: unknown = (await db.collection(COLLECTIONS.applications).doc(APPLICATION).get()).get("documents");
    expect(documents).toMatchObject({
      "sk-pangkat": { status: "accepted", mimeType: "image/jpeg", fileName: "sk-pangkat.jpg" },
      "surat-lamaran": { status: "accepted", fileId: pdfUpload?.id, size: scan.length },
      "daftar-riwayat-hidup": { status: "rejected", rejection: { code: "err.upload.typeMismatch" } },
    });
    await context.close();
  });
});
