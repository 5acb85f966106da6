/**
 * A candidate's whole application on a 360 px phone over slow mobile data (Chromium's network
 * emulation: 400 kbps each way, 400 ms latency, from the first page load to the receipt's download),
 * on the one application screen: sign in, open the selection, apply to a post, complete the profile,
 * upload a document with the progress shown, upload the next one while the phone is offline (it
 * waits in the SDK's queue and completes once back online), submit, download the receipt through the
 * screen; then an operator (on office Wi-Fi) marks the documents valid and decides MS, and the
 * candidate's timeline shows the verification done. The candidate's profile is written with the
 * Admin SDK without its phone number, which the candidate adds on the profile screen before
 * submitting; everything else goes through the screens, the rules and the functions.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StoredApplication } from "../../functions/src/domain/applications/application.js";
import { FAUZI_INPUT } from "../fixtures/metro2021Profile.js";
import { auth, db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS, SLOW_3G, throttle } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { scannedPdf } from "../support/files.js";
import { fauziCandidate, followInApp, openMetroCopy, removeSelectionCopy } from "../support/selectionCopy.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const RUN = uniqueSuffix();
const SELECTION_ID = `e2e-alur-${RUN}`;
const EMAIL = `alur.${RUN}@seleksi.demo`;
/** Every screen loads over the slow link, on a machine shared by many test runs. */
const SLOW = { timeout: 120_000 };

const CHECKLIST = [
  { id: "ijazah", label: "Ijazah terakhir", required: true, formats: ["pdf" as const], maxSizeKb: 2048 },
  { id: "sk-pangkat", label: "SK pangkat terakhir", required: true, formats: ["pdf" as const], maxSizeKb: 2048 },
];

const entry = (page: Page, id: string) => page.getByTestId(`upload-${id}`);
const statusOf = (page: Page, id: string) =>
  entry(page, id).getByTestId("upload-status").getAttribute("data-status", { timeout: 5_000 });

let uid = "";
const WITHOUT_PHONE = Object.fromEntries(Object.entries(FAUZI_INPUT).filter(([key]) => key !== "phone"));

afterAll(async () => {
  await removeSelectionCopy(SELECTION_ID);
  if (uid) await auth.deleteUser(uid);
});

describe("a candidate's whole application", { timeout: 300_000 }, () => {
  it("completes the profile, uploads on a slow link and offline, submits, downloads the receipt and sees the verification", async () => {
    // Sign-up and an earlier visit left everything but the phone number, which blocks submitting.
    uid = await fauziCandidate(EMAIL, WITHOUT_PHONE);
    await openMetroCopy(SELECTION_ID, CHECKLIST);

    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    // On the slow link from the first request: the app shell, the routes' code and every read and write.
    const link = await throttle(page, SLOW_3G);
    const flowStarted = Date.now();
    await signIn(page, EMAIL, "/peserta");
    await followInApp(page, `/seleksi/${SELECTION_ID}`);
    await page.waitForURL(`${demo.site}/seleksi/${SELECTION_ID}`, SLOW);
    await page.getByTestId("apply-bappeda").click(SLOW);
    await page.waitForURL(/\/peserta\/lamaran\/[^/]+$/, SLOW);
    const applicationId = decodeURIComponent(page.url().split("/").pop() ?? "");
    expect(applicationId).toBe(`${SELECTION_ID}_bappeda_${uid}`);
    await expect.poll(() => statusOf(page, "ijazah"), SLOW).toBe("missing");

    // The profile lacks its phone number: the screen says so; the candidate completes it and comes back.
    await expect
      .poll(() => page.locator(".submit").textContent(), SLOW)
      .toContain("Bagian profil yang harus dilengkapi sebelum mengirim:Telepon dan email");
    await page.goto(`${demo.site}/peserta/profil`);
    await page.locator("#pf-phone").fill(FAUZI_INPUT.phone);
    await page.getByRole("button", { name: "Simpan profil" }).click();
    await expect.poll(() => page.getByTestId("profile-save-state").textContent(), SLOW).toBe("Tersimpan.");
    await page.goto(`${demo.site}/peserta/lamaran/${applicationId}`);
    await expect.poll(() => statusOf(page, "ijazah"), SLOW).toBe("missing");
    expect(await page.getByText("Bagian profil yang harus dilengkapi").count()).toBe(0);

    // Still on the slow link: a 120 KB scan arrives, with progress.
    const started = Date.now();
    await entry(page, "ijazah")
      .getByTestId("upload-file")
      .setInputFiles({ name: "ijazah.pdf", mimeType: "application/pdf", buffer: scannedPdf(120 * 1024) });
    await expect.poll(() => entry(page, "ijazah").getByTestId("upload-progress").isVisible(), SLOW).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-flow-slow-upload-360.png"), fullPage: true });
    await expect.poll(() => statusOf(page, "ijazah"), SLOW).toBe("accepted");
    // 120 KB at 400 kbps is more than 2 s on the wire: the throttle was in force.
    expect(Date.now() - started).toBeGreaterThan(2_000);

    // Offline: the upload is queued on the phone and says it waits for the network; back online, it completes.
    await context.setOffline(true);
    await entry(page, "sk-pangkat")
      .getByTestId("upload-file")
      .setInputFiles({ name: "sk-pangkat.pdf", mimeType: "application/pdf", buffer: scannedPdf(60 * 1024) });
    await expect
      .poll(() => entry(page, "sk-pangkat").getByTestId("upload-waiting").textContent(), SLOW)
      .toContain("Menunggu jaringan");
    const queued = await db.collection(COLLECTIONS.uploads).where("applicationId", "==", applicationId).get();
    expect(queued.docs.filter((d) => d.get("documentType") === "sk-pangkat")).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-flow-offline-360.png"), fullPage: true });
    await context.setOffline(false);
    // Back "online" is back on the slow link: going offline and on again lifts Chromium's emulation.
    await link.apply();
    await expect.poll(() => statusOf(page, "sk-pangkat"), SLOW).toBe("accepted");
    await expect.poll(() => page.getByTestId("doc-sk-pangkat").textContent(), SLOW).toContain("Diterima");

    // Submitted after the confirmation; the receipt downloads through the screen.
    await page.getByRole("button", { name: "Kirim lamaran", exact: true }).click();
    await page.getByRole("button", { name: "Ya, kirim lamaran" }).click();
    await expect
      .poll(() => page.getByTestId("application-status").textContent(), SLOW)
      .toBe("Terkirim, menunggu verifikasi");
    await expect.poll(() => page.getByTestId("receipt").getAttribute("data-sha256"), SLOW).toMatch(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([
      page.waitForEvent("download", SLOW),
      page.getByTestId("receipt").getByRole("button", { name: "Unduh PDF" }).click(),
    ]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const receipt = (
      (await db.collection(COLLECTIONS.applications).doc(applicationId).get()).data() as StoredApplication
    ).receipt!;
    const record = await db.collection(COLLECTIONS.documents).doc(receipt.documentId).get();
    expect(createHash("sha256").update(pdf).digest("hex")).toBe(record.get("sha256"));
    // Everything so far went over the link: at 400 kbps the bytes alone take this long.
    const elapsedMs = Date.now() - flowStarted;
    const wireMs = (link.receivedBytes() * 8) / 400;
    console.info(
      `candidate flow on ${SLOW_3G.downKbps} kbps / ${SLOW_3G.latencyMs} ms: ${Math.round(link.receivedBytes() / 1024)} KiB received, ${Math.round(elapsedMs / 1000)} s from sign-in to receipt`,
    );
    expect(link.receivedBytes()).toBeGreaterThan(100 * 1024);
    expect(elapsedMs).toBeGreaterThan(wireMs);
    const verified = page.getByTestId("step-verified");
    expect(await verified.getAttribute("data-state")).toBe("waiting");

    // Registration over (what the stage machine does at its end): the operator verifies on a phone.
    await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).update({ stage: "seleksiAdministrasi" });
    const operator = await (await phoneContext(demo.browser)).newPage();
    await signIn(operator, "operator@metrokota.demo", "/operator");
    await operator.goto(`${demo.site}/kelola/${SELECTION_ID}/verifikasi/${applicationId}`);
    await expect.poll(() => operator.getByRole("heading", { level: 1 }).textContent(), SLOW).toBe(FAUZI_INPUT.name);
    for (const id of ["ijazah", "sk-pangkat"]) {
      const card = operator.getByTestId(`document-${id}`);
      await card.getByRole("button", { name: "Sah", exact: true }).click();
      await expect.poll(() => card.getByTestId(`document-${id}-review`).textContent(), SLOW).toContain("Sah oleh");
    }
    await operator.getByRole("radio", { name: "MS (memenuhi syarat)" }).check();
    await operator.getByRole("button", { name: "Simpan keputusan" }).click();
    await expect.poll(() => operator.getByTestId("decision").textContent(), SLOW).toMatch(/^MS oleh .+, /);

    // The candidate's screen follows live: verification done (the MS itself waits for the announcement).
    await expect.poll(() => verified.getAttribute("data-state"), SLOW).toBe("done");
    expect(await verified.textContent()).toContain("Verifikasi selesai");
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-flow-verified-360.png"), fullPage: true });
    await operator.context().close();
    await context.close();
  });
});
