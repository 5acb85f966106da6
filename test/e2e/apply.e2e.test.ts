/**
 * A candidate applies from a 360 px phone: "Lamar jabatan ini" on the public selection page, the
 * application screen with the countdown, the live eligibility check and the document checklist,
 * the final submission behind its confirmation, and the registration receipt downloaded and
 * verified. The upload check's outcome (the checklist's files accepted or rejected) is written with
 * the Admin SDK: uploading from the phone is another screen's test.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { ApplicationDocument, StoredApplication } from "../../functions/src/domain/applications/application.js";
import { FAUZI_INPUT } from "../fixtures/metro2021Profile.js";
import { auth, db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { fauziCandidate, followInApp, openMetroCopy, removeSelectionCopy } from "../support/selectionCopy.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const RUN = uniqueSuffix();
const SELECTION_ID = `e2e-apply-${RUN}`;
const EMAIL = `pelamar.${RUN}@seleksi.demo`;
/** Callables and screens start cold on a machine shared by many test runs. */
const SLOW = { timeout: 90_000 };

const CHECKLIST = [
  { id: "ijazah", label: "Ijazah terakhir", required: true, formats: ["pdf" as const], maxSizeKb: 2048 },
  { id: "sk-pangkat", label: "SK pangkat terakhir", required: true, formats: ["pdf" as const], maxSizeKb: 2048 },
  { id: "sertifikat", label: "Sertifikat diklat", required: false, formats: ["pdf" as const], maxSizeKb: 2048 },
];

function file(id: string, status: ApplicationDocument["status"]): ApplicationDocument {
  return {
    fileId: `${id}-${RUN}`,
    fileName: `${id}.pdf`,
    mimeType: "application/pdf",
    size: 40_000,
    status,
    rejection:
      status === "rejected" ? { code: "err.upload.typeMismatch", params: { declared: "PDF", detected: "EXE" } } : null,
  };
}

let uid = "";

afterAll(async () => {
  await removeSelectionCopy(SELECTION_ID);
  if (uid) await auth.deleteUser(uid);
});

describe("applying on a phone", { timeout: 300_000 }, () => {
  it("applies, sees the check and the checklist, submits after confirming, and downloads a verifiable receipt", async () => {
    uid = await fauziCandidate(EMAIL);
    await openMetroCopy(SELECTION_ID, CHECKLIST);

    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, EMAIL, "/peserta");
    await followInApp(page, `/seleksi/${SELECTION_ID}`);
    await page.waitForURL(`${demo.site}/seleksi/${SELECTION_ID}`, SLOW);
    expect(await page.getByRole("link", { name: "Daftar sebagai peserta untuk melamar" }).count()).toBe(0);
    await page.getByTestId("apply-bappeda").click(SLOW);
    await page.waitForURL(/\/peserta\/lamaran\/[^/]+$/, SLOW);
    const applicationId = decodeURIComponent(page.url().split("/").pop() ?? "");
    expect(applicationId).toBe(`${SELECTION_ID}_bappeda_${uid}`);

    // The countdown, and the live check: Fauzi (born 1972, IV/b, S2) meets age and rank.
    await expect.poll(() => page.getByTestId("countdown").textContent(), SLOW).toContain("Sisa waktu: 5 hari");
    expect(await page.getByTestId("countdown").textContent()).toContain("Jam server Seleksi yang menentukan");
    expect(await page.getByTestId("elig-age").textContent()).toMatch(/^Usia: Memenuhi.*49 tahun/);
    expect(await page.getByTestId("elig-rank").textContent()).toContain("Pangkat/golongan: Memenuhi");
    expect(await page.getByTestId("elig-openTo").textContent()).toContain("Provinsi Lampung");
    expect(await page.getByTestId("elig-yearsRelevant").textContent()).toContain("Belum dapat dinilai");
    expect(await page.getByText("Hasil ini hanya panduan").count()).toBe(1);
    expect(await page.getByTestId("doc-ijazah").textContent()).toContain("Belum diunggah");
    expect(await page.getByTestId("application-status").textContent()).toBe("Draf, belum dikirim");

    // The upload check's outcomes reach the checklist live: one accepted, one rejected with its reason.
    const appRef = db.collection(COLLECTIONS.applications).doc(applicationId);
    await appRef.update({
      documents: { ijazah: file("ijazah", "accepted"), "sk-pangkat": file("sk-pangkat", "rejected") },
    });
    await expect.poll(() => page.getByTestId("doc-ijazah").textContent(), SLOW).toContain("Diterima");
    await expect
      .poll(() => page.getByTestId("doc-sk-pangkat").textContent(), SLOW)
      .toContain("Ditolak: Isi berkas tidak sesuai jenisnya: dinyatakan PDF, ternyata EXE.");
    await page.screenshot({ path: join(SCREENSHOTS, "application-draft-360.png"), fullPage: true });

    // Submitting now is refused by the server with the rejected document named; nothing is locked.
    await page.getByRole("button", { name: "Kirim lamaran", exact: true }).click();
    await page.getByRole("button", { name: "Ya, kirim lamaran" }).click();
    await expect
      .poll(() => page.locator(".submit .notice--error").allTextContents(), SLOW)
      .toContain("Dokumen \u201cSK pangkat terakhir\u201d ditolak. Unggah ulang dokumen yang benar.");

    await appRef.update({ "documents.sk-pangkat": file("sk-pangkat", "accepted") });
    await expect.poll(() => page.getByTestId("doc-sk-pangkat").textContent(), SLOW).toContain("Diterima");
    expect(await page.getByText("Setelah dikirim, lamaran tidak dapat diubah.").count()).toBe(1);
    await page.getByRole("button", { name: "Ya, kirim lamaran" }).click();
    await expect
      .poll(() => page.getByTestId("application-status").textContent(), SLOW)
      .toBe("Terkirim, menunggu verifikasi");
    await expect.poll(() => page.getByTestId("receipt").textContent(), SLOW).toMatch(/Nomor \d{3}\/TB\//);
    // Locked: no upload control nor submit button any more.
    expect(await page.getByRole("button", { name: "Kirim lamaran", exact: true }).count()).toBe(0);

    await page.screenshot({ path: join(SCREENSHOTS, "application-submitted-360.png"), fullPage: true });
    // The same screen now follows the status: sent, waiting for verification.
    await expect
      .poll(() => page.getByTestId("step-verified").textContent(), SLOW)
      .toBe("Verifikasi administrasi oleh BKPSDM");
    // The receipt downloads through the screen, as the candidate's phone saves it: a PDF whose
    // SHA-256 is the one on the document's record. The button comes once the application says the PDF is stored (a click before would be refused).
    await expect.poll(() => page.getByTestId("receipt").getAttribute("data-sha256"), SLOW).toMatch(/^[0-9a-f]{64}$/);
    const app = (await appRef.get()).data() as StoredApplication;
    const [download] = await Promise.all([
      page.waitForEvent("download", SLOW),
      page.getByTestId("receipt").getByRole("button", { name: "Unduh PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tanda-bukti-.*\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const record = await db.collection(COLLECTIONS.documents).doc(app.receipt!.documentId).get();
    expect(createHash("sha256").update(pdf).digest("hex")).toBe(record.get("sha256"));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("TANDA BUKTI PENDAFTARAN");
    expect(flat).toContain(app.receipt!.number);
    expect(flat).toContain(FAUZI_INPUT.name);

    // An older link to the status (an e-mail's) opens the same screen.
    await page.goto(`${demo.site}/peserta/lamaran/${applicationId}/status`);
    await expect.poll(() => page.getByTestId("status-section").isVisible(), SLOW).toBe(true);
    expect(await page.getByTestId("receipt").count()).toBe(1);

    // The QR code's address: the receipt's verification page, which says it is valid, with its hash.
    const snapshot = await db
      .collection(COLLECTIONS.documents)
      .doc(app.receipt!.documentId)
      .collection(COLLECTIONS.snapshot)
      .doc("input")
      .get();
    const verifyUrl = snapshot.get("verifyUrl") as string;
    expect(verifyUrl).toBe(`${demo.site}/verifikasi/${app.receipt!.documentId}`);
    await page.goto(verifyUrl);
    await expect
      .poll(() => page.locator(".notice--success").textContent(), SLOW)
      .toBe("Berlaku: ini versi terbaru dokumen ini.");
    expect(await page.getByTestId("document-facts").textContent()).toContain(
      createHash("sha256").update(pdf).digest("hex"),
    );

    // "Lamaran saya" on the candidate's home.
    await page.goto(`${demo.site}/peserta`);
    await expect
      .poll(() => page.getByTestId("my-applications").textContent(), SLOW)
      .toContain("Terkirim, menunggu verifikasi");
    await context.close();
  });
});
