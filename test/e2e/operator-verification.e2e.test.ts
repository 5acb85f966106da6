/**
 * An operator verifies an application on a 360 px phone: the queue of Kota Metro's selection in
 * seleksiAdministrasi, one candidate's profile and eligibility, a photo and a PDF shown inline (the
 * PDF's pages drawn by pdf.js in the app, since Android's Chrome shows no PDF inline), both marked
 * valid, and the application decided MS. The application and its uploads (with their chunks) are
 * written with the Admin SDK as the submit and upload-check functions leave them.
 */
import { deflateSync } from "node:zlib";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { ApplicationReview } from "../../functions/src/domain/applications/application.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";
import {
  acceptedDocument,
  submittedApplication,
  writeAcceptedUpload,
  writeApplication,
} from "../support/applications.js";

const demo = useDemoSite();
const SELECTION_ID = "metro-verify-e2e";
const METRO = SELECTIONS["metro-2021-jpt"]!;
const CANDIDATE = "Dr. Hendra Saputra, M.Si.";

// ---- files ----------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A small photo-like PNG (a gradient), made here so the test needs no image file. */
function gradientPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([(x * 255) / width, (y * 255) / height, 140], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
/** A two-page SK as a PDF. */
function skPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: "A4" });
    const parts: Buffer[] = [];
    pdf.on("data", (b: Buffer) => parts.push(b));
    pdf.on("end", () => resolve(Buffer.concat(parts)));
    pdf.on("error", reject);
    pdf.rect(50, 50, 495, 120).fill("#0b4f8a");
    pdf.fillColor("#000").fontSize(24).text("PETIKAN KEPUTUSAN WALI KOTA METRO", 50, 200);
    pdf.fontSize(14).text(`Kenaikan pangkat: ${CANDIDATE}, Pembina Tingkat I (IV/b)`);
    pdf.addPage().fontSize(24).text("Halaman kedua: lampiran", 50, 100);
    pdf.end();
  });
}

// ---- data -----------------------------------------------------------------------------------------

let applicationId = "";

beforeAll(async () => {
  const selection: StoredSelection = {
    ...METRO,
    title: "Seleksi Terbuka JPT Pratama Kota Metro (verifikasi)",
    stage: "seleksiAdministrasi",
    public: false,
    panselUids: [],
    counts: { ...ZERO_COUNTS, unverifiedApplications: 1 },
  };
  await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).set(selection);
  const post = METRO.posts.find((p) => p.id === "bappeda")!;
  const app = submittedApplication({
    instansiId: METRO.instansiId,
    selectionId: SELECTION_ID,
    postId: post.id,
    postName: post.name,
    candidateUid: "cand-e2e-hendra",
    candidateName: CANDIDATE,
    submittedAt: "2021-10-03T03:15:00.000Z",
    documents: {
      "sk-pangkat": acceptedDocument("e2e-sk-pangkat", "sk-pangkat.pdf", "application/pdf"),
      ijazah: acceptedDocument("e2e-ijazah", "ijazah.png", "image/png"),
    },
  });
  applicationId = app.id;
  await writeApplication(db, app);
  await writeAcceptedUpload(db, "e2e-sk-pangkat", app, "sk-pangkat", {
    fileName: "sk-pangkat.pdf",
    mimeType: "application/pdf",
    bytes: await skPdf(),
  });
  await writeAcceptedUpload(db, "e2e-ijazah", app, "ijazah", {
    fileName: "ijazah.png",
    mimeType: "image/png",
    bytes: gradientPng(600, 400),
  });
});

afterAll(async () => {
  await db.recursiveDelete(db.collection(COLLECTIONS.applications).doc(applicationId));
  await Promise.all(
    ["e2e-sk-pangkat", "e2e-ijazah"].map((id) => db.recursiveDelete(db.collection(COLLECTIONS.uploads).doc(id))),
  );
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
});

// ---- the phone ------------------------------------------------------------------------------------

describe("operator verification", () => {
  it("opens the queue, views a photo and a PDF inline, marks them valid and decides MS", async () => {
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, "operator@metrokota.demo", "/operator");
    await page.goto(`${demo.site}/kelola/${SELECTION_ID}`);
    await page.getByTestId("open-verification").click();
    await page.waitForURL(new RegExp(`/kelola/${SELECTION_ID}/verifikasi$`));
    await expect.poll(() => page.getByTestId("unverified-count").textContent()).toBe("1 lamaran belum diverifikasi");
    // The post picker starts at the first post; this candidate applied to Bappeda.
    expect(await page.getByLabel("Jabatan").inputValue()).toBe(METRO.posts[0]!.id);
    await page.getByLabel("Jabatan").selectOption("bappeda");
    const row = page.getByTestId("queue").getByRole("link", { name: new RegExp(CANDIDATE) });
    await expect.poll(() => row.count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "operator-verification-queue-360.png"), fullPage: true });
    await row.click();

    // The profile as submitted and the eligibility check in the candidate's own words.
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(CANDIDATE);
    expect(await page.getByTestId("profile").textContent()).toContain("IV/b");
    await expect
      .poll(() => page.getByTestId("eligibility").textContent())
      .toContain("Pangkat IV/b; paling rendah IV/a.");

    // The photo, streamed from its chunks, shown inline and zoomable.
    const photo = page.getByTestId("document-ijazah");
    await photo.getByRole("button", { name: "Lihat" }).click();
    const image = photo.locator("img");
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);
    const before = await image.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width);
    await photo.getByRole("button", { name: "Perbesar" }).click();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width))
      .toBeGreaterThan(before * 1.4);

    // The PDF's two pages drawn by pdf.js: canvases with ink on them, not blank.
    const sk = page.getByTestId("document-sk-pangkat");
    await sk.getByRole("button", { name: "Lihat" }).click();
    const pages = sk.getByTestId("pdf-page");
    await expect.poll(() => pages.count()).toBe(2);
    const inked = () =>
      pages.first().evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext("2d");
        if (!ctx || canvas.width === 0) return 0;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark++;
        return dark;
      });
    await expect.poll(inked).toBeGreaterThan(1000);
    expect(await sk.textContent()).toContain("Halaman 1 dari 2");
    await page.screenshot({ path: join(SCREENSHOTS, "operator-verification-documents-360.png"), fullPage: true });

    // Both valid, then MS.
    await photo.getByRole("button", { name: "Sah", exact: true }).click();
    await expect.poll(() => photo.getByTestId("document-ijazah-review").textContent()).toContain("Sah oleh");
    await sk.getByRole("button", { name: "Sah", exact: true }).click();
    await expect.poll(() => sk.getByTestId("document-sk-pangkat-review").textContent()).toContain("Sah oleh");
    await page.getByRole("radio", { name: "MS (memenuhi syarat)" }).check();
    await page.getByRole("button", { name: "Simpan keputusan" }).click();
    await expect.poll(() => page.getByTestId("decision").textContent()).toMatch(/^MS oleh .+, /);
    await page.screenshot({ path: join(SCREENSHOTS, "operator-verification-decided-360.png"), fullPage: true });

    const review = (
      await db.collection(COLLECTIONS.applications).doc(applicationId).collection(COLLECTIONS.review).doc("main").get()
    ).data() as ApplicationReview;
    expect(review.verification).toMatchObject({ decision: "ms", reasons: [] });
    expect(review.documents).toMatchObject({
      ijazah: { fileId: "e2e-ijazah", result: "valid" },
      "sk-pangkat": { fileId: "e2e-sk-pangkat", result: "valid" },
    });
    const selection = (await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).get()).data() as StoredSelection;
    expect(selection.counts.unverifiedApplications).toBe(0);
    await context.close();
  });
});
