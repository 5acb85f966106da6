/**
 * An operator imports the assessment centre's report on a 360 px phone: from the selection's page to
 * the import screen, a CSV file with one bad line previewed (the reason shown in Indonesian, the 2019
 * result flagged as past its validity), the import refused while that line is there, then done with
 * the bad line skipped, and the count shown. The MS applications are written with the Admin SDK as
 * the publication of the administrative result leaves them.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { applicationId, storedApplication } from "../../functions/src/domain/applications/application.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const SELECTION_ID = "metro-import-e2e";
const METRO = SELECTIONS["metro-2021-jpt"]!;
const POST = METRO.posts.find((p) => p.id === "bappeda")!;

const CANDIDATES = [
  { uid: "cand-imp-ani", name: "Dr. Ani Rahmawati, S.E., M.Si.", nip: "197806152003122001" },
  { uid: "cand-imp-budi", name: "Ir. Budi Santoso, M.T.", nip: "197503102000031002" },
  { uid: "cand-imp-citra", name: "Citra Dewi Anggraini, S.H., M.H.", nip: "197011202005011003" },
];
const ids = CANDIDATES.map((c) => applicationId(SELECTION_ID, POST.id, c.uid));

const CSV = [
  "NIP;Nama;Nilai;Tanggal",
  `${CANDIDATES[0]!.nip};Ani Rahmawati;312;14/08/2019`,
  `${CANDIDATES[1]!.nip};Budi Santoso;tiga ratus;14/08/2019`,
  `${CANDIDATES[2]!.nip};Citra Dewi;287,5;14/08/2019`,
].join("\r\n");

beforeAll(async () => {
  const selection: StoredSelection = {
    ...METRO,
    scoringPlan: {
      ...METRO.scoringPlan,
      components: METRO.scoringPlan.components.map((c) =>
        c.id === "asesmen" ? { ...c, imported: { rawMax: 400 } } : c,
      ),
    },
    title: "Seleksi Terbuka JPT Pratama Kota Metro (impor asesmen)",
    stage: "asesmenManajerial",
    public: false,
    panselUids: [],
    counts: { ...ZERO_COUNTS },
  };
  await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).set(selection);
  await Promise.all(
    CANDIDATES.map((c, i) =>
      db
        .collection(COLLECTIONS.applications)
        .doc(ids[i]!)
        .set(
          storedApplication.parse({
            instansiId: METRO.instansiId,
            selectionId: SELECTION_ID,
            postId: POST.id,
            postName: POST.name,
            candidateUid: c.uid,
            candidateName: c.name,
            nip: c.nip,
            status: "ms",
            createdAt: "2021-10-04T03:00:00.000Z",
            updatedAt: "2021-10-04T03:00:00.000Z",
          }),
        ),
    ),
  );
});

afterAll(async () => {
  await Promise.all(ids.map((id) => db.collection(COLLECTIONS.applications).doc(id).delete()));
  await Promise.all(ids.map((id) => db.collection(COLLECTIONS.importedScores).doc(`${id}_asesmen`).delete()));
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
});

describe("assessment import", () => {
  it("previews a CSV with one bad line, shows why, refuses it, then imports the rest with the line skipped", async () => {
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, "operator@metrokota.demo", "/operator");
    await page.goto(`${demo.site}/kelola/${SELECTION_ID}`);
    await page.getByTestId("import-link").click();
    await page.waitForURL(new RegExp(`/kelola/${SELECTION_ID}/impor$`));

    await page.getByLabel("Jabatan").selectOption(POST.id);
    expect(await page.getByLabel("Komponen").inputValue()).toBe("asesmen");
    await page.getByLabel("Berkas CSV").setInputFiles({
      name: "hasil-asesmen-2019.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV, "utf8"),
    });
    await page
      .getByLabel("Sumber (bila tidak ada di berkas)")
      .fill("UPT Penilaian Kompetensi BKD Provinsi Lampung, 2019");
    await page.getByRole("button", { name: "Pratinjau" }).click();

    const preview = page.getByTestId("import-preview");
    await expect.poll(() => preview.getByRole("heading", { name: "2 baris diterima" }).count()).toBe(1);
    const ani = page.getByTestId("import-row-2");
    expect(await ani.textContent()).toContain(CANDIDATES[0]!.name);
    expect(await ani.textContent()).toContain("78");
    expect(await ani.textContent()).toContain("Melewati masa berlaku");
    expect(await page.getByTestId("import-row-4").textContent()).toContain("71,88");
    expect(await page.getByTestId("import-rejected").textContent()).toContain(
      'Baris 3: Nilai "tiga ratus" bukan angka.',
    );
    // Nothing sticks out of a 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, "assessment-import-preview-360.png"), fullPage: true });

    // Importing while a line is rejected is refused, and the file and settings stay.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Impor", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("1 baris ditolak");
    expect(await page.getByText("Berkas: hasil-asesmen-2019.csv").count()).toBe(1);
    expect(await db.collection(COLLECTIONS.importedScores).doc(`${ids[0]}_asesmen`).get()).toHaveProperty(
      "exists",
      false,
    );

    await page.getByLabel("Lewati baris yang ditolak dan impor baris lainnya").check();
    await page.getByRole("button", { name: "Impor", exact: true }).click();
    await expect.poll(() => page.getByTestId("import-done").textContent()).toBe("2 nilai diimpor.");
    await page.screenshot({ path: join(SCREENSHOTS, "assessment-import-done-360.png"), fullPage: true });

    const stored = await db.collection(COLLECTIONS.importedScores).doc(`${ids[0]}_asesmen`).get();
    expect(stored.data()).toMatchObject({
      raw: 312,
      rawMax: 400,
      date: "2019-08-14",
      source: "UPT Penilaian Kompetensi BKD Provinsi Lampung, 2019",
      stale: true,
    });
    expect((await db.collection(COLLECTIONS.importedScores).doc(`${ids[1]}_asesmen`).get()).exists).toBe(false);
    await context.close();
  });
});
