/**
 * A candidate's whole application on a 360 px phone, on the one application screen: apply to a post
 * of an open selection, upload a document over a slow 3G link (Chromium's network emulation: 400 kbps,
 * 400 ms) with the progress shown, upload the next one while the phone is offline (it waits in the
 * SDK's queue and completes once back online), submit, download the receipt through the screen, then
 * an operator marks the documents valid and decides MS, and the candidate's timeline shows the
 * verification done. The candidate's profile is written with the Admin SDK without its phone number,
 * which the candidate adds on the profile screen before submitting; everything else goes through the
 * screens, the rules and the functions.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StoredApplication } from "../../functions/src/domain/applications/application.js";
import { publicProjectionOf } from "../../functions/src/domain/publication/projection.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { writeProjection } from "../../functions/src/publication/projectSelection.js";
import { FAUZI_INPUT } from "../fixtures/metro2021Profile.js";
import { auth, db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { scannedPdf } from "../support/files.js";
import { wibDate } from "../support/process.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const RUN = uniqueSuffix();
const SELECTION_ID = `e2e-alur-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const EMAIL = `alur.${RUN}@seleksi.demo`;
const DAY_MS = 86_400_000;
const SLOW = { timeout: 90_000 };

const CHECKLIST = [
  { id: "ijazah", label: "Ijazah terakhir", required: true, formats: ["pdf" as const], maxSizeKb: 2048 },
  { id: "sk-pangkat", label: "SK pangkat terakhir", required: true, formats: ["pdf" as const], maxSizeKb: 2048 },
];

/** Metro's schedule moved so that registration ends in five days. */
function scheduleEndingIn5Days(): StoredSelection["schedule"] {
  const shift = Math.round((Date.parse(wibDate(5)) - Date.parse(METRO.schedule.pendaftaran!.end)) / DAY_MS);
  const move = (iso: string) => new Date(Date.parse(iso) + shift * DAY_MS).toISOString().slice(0, 10);
  return Object.fromEntries(
    Object.entries(METRO.schedule).map(([stage, range]) => [stage, { start: move(range.start), end: move(range.end) }]),
  );
}

const entry = (page: Page, id: string) => page.getByTestId(`upload-${id}`);
const statusOf = (page: Page, id: string) =>
  entry(page, id).getByTestId("upload-status").getAttribute("data-status", { timeout: 5_000 });

let uid = "";
const WITHOUT_PHONE = Object.fromEntries(Object.entries(FAUZI_INPUT).filter(([key]) => key !== "phone"));

afterAll(async () => {
  const apps = await db.collection(COLLECTIONS.applications).where("selectionId", "==", SELECTION_ID).get();
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
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
  await db.recursiveDelete(db.collection(COLLECTIONS.publicSelections).doc(SELECTION_ID));
  if (uid) await auth.deleteUser(uid);
});

describe("a candidate's whole application", { timeout: 300_000 }, () => {
  it("completes the profile, uploads on a slow link and offline, submits, downloads the receipt and sees the verification", async () => {
    const user = await auth.createUser({
      email: EMAIL,
      password: DEMO_PASSWORD,
      emailVerified: true,
      displayName: FAUZI_INPUT.name,
    });
    uid = user.uid;
    await db
      .collection(COLLECTIONS.profiles)
      .doc(uid)
      .set({
        // Sign-up and an earlier visit left everything but the phone number, which blocks submitting.
        ...WITHOUT_PHONE,
        nip: "197203151998031004",
        email: EMAIL,
        serviceStart: "1998-03",
        sex: "L",
        nipStatus: "confirmed",
      });
    const selection: StoredSelection = {
      ...METRO,
      instansiId: "kota-metro",
      instansiName: INSTANSI["kota-metro"]!.name,
      stage: "pendaftaran",
      public: true,
      // Old, so the public home's newest selections stay the demo's.
      announcedAt: "2000-01-01T00:00:00.000Z",
      schedule: scheduleEndingIn5Days(),
      panselUids: [],
      counts: ZERO_COUNTS,
      posts: METRO.posts.map((p) => ({ ...p, requirements: { ...p.requirements, documents: CHECKLIST } })),
    };
    await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).set(selection);
    await writeProjection(
      SELECTION_ID,
      publicProjectionOf(selection, { province: INSTANSI["kota-metro"]!.province, timeZone: "Asia/Jakarta" }),
    );

    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, EMAIL, "/peserta");
    // In the app, as from the list of open selections (a full load would go through sharePage).
    await page.evaluate((href) => {
      const link = document.createElement("a");
      link.href = href;
      document.body.append(link);
      link.click();
    }, `/seleksi/${SELECTION_ID}`);
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

    // A slow 3G link: 400 kbps each way, 400 ms latency. A 120 KB scan still arrives, with progress.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1024) / 8,
      uploadThroughput: (400 * 1024) / 8,
    });
    const started = Date.now();
    await entry(page, "ijazah")
      .getByTestId("upload-file")
      .setInputFiles({ name: "ijazah.pdf", mimeType: "application/pdf", buffer: scannedPdf(120 * 1024) });
    await expect.poll(() => entry(page, "ijazah").getByTestId("upload-progress").isVisible(), SLOW).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "candidate-flow-slow-upload-360.png"), fullPage: true });
    await expect.poll(() => statusOf(page, "ijazah"), SLOW).toBe("accepted");
    // 120 KB at 400 kbps is more than 2 s on the wire: the throttle was in force.
    expect(Date.now() - started).toBeGreaterThan(2_000);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

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
