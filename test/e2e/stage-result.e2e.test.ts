/**
 * A stage's result as the public and a candidate see it on a phone (360 px): the selection's
 * "Hasil seleksi" names those who go on with masked NIPs and the announcement's link, never one who
 * did not; the candidate's timeline says "Lolos ke tahap berikutnya". The state (the selection with
 * its announced result, the candidate's outcome on the application) is written with the Admin SDK
 * as publishStageResult leaves it. Then the whole way on a ranked post: the operator announces the
 * final result from the ranking screen, and a candidate of the 3 besar reads it in their timeline.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANDIDATES, INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { applicationId, storedApplication } from "../../functions/src/domain/applications/application.js";
import { maskNip } from "../../functions/src/domain/nip.js";
import type { StageOutcome } from "../../functions/src/domain/scoring/stageResultSchema.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { projectSelection } from "../../functions/src/publication/projectSelection.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";
import { rankingSelection, seedRankingReadyPost } from "../support/ranking.js";

const demo = useDemoSite();

const METRO = SELECTIONS["metro-2021-jpt"]!;
const POST = METRO.posts[1]!;
const CANDIDATE = CANDIDATES[0]!;
const OUT = CANDIDATES[1]!;
const SELECTION_ID = `metro-hasil-${uniqueSuffix()}`;
const APPLICATION_ID = applicationId(SELECTION_ID, POST.id, CANDIDATE.uid);
const DOCUMENT_ID = `${SELECTION_ID}_kompetensiTeknis-hasilTahap-v1`;
const NUMBER = "021/PENG/PANSEL-JPT/METRO/XI/2021";
const PUBLISHED_AT = "2021-11-15T03:00:00.000Z";
const RANKED_ID = `metro-hasil-akhir-${uniqueSuffix()}`;
const MEMBERS = ["e2e-pansel-1", "e2e-pansel-2", "e2e-pansel-3", "e2e-pansel-4", "e2e-pansel-5"];

beforeAll(async () => {
  const selection: StoredSelection = {
    ...METRO,
    title: `${METRO.title} (hasil tahap)`,
    instansiId: "kota-metro",
    instansiName: INSTANSI["kota-metro"]!.name,
    stage: "wawancara",
    public: true,
    // Long ago, so the public home's list of the newest selections is not disturbed.
    announcedAt: "2021-09-13T01:00:00.000Z",
    panselUids: [],
    counts: { ...ZERO_COUNTS },
    postDecisions: Object.fromEntries(METRO.posts.filter((p) => p.id !== POST.id).map((p) => [p.id, "cancelPost"])),
    stageResults: {
      kompetensiTeknis: {
        publishedAt: PUBLISHED_AT,
        documentId: DOCUMENT_ID,
        number: NUMBER,
        version: 1,
        final: false,
        publishScores: "none",
        components: [
          { id: "asesmen", label: "Asesmen kompetensi manajerial dan sosial kultural" },
          { id: "makalah", label: "Penulisan makalah dan presentasi" },
        ],
        rankings: { [POST.id]: "ab".repeat(32) },
        posts: {
          [POST.id]: [{ name: CANDIDATE.name, nip: maskNip(CANDIDATE.nip), rank: null, total: null, points: null }],
        },
      },
    },
  };
  await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).set(selection);
  const outcome: StageOutcome = {
    advances: true,
    final: false,
    rank: null,
    total: null,
    reason: null,
    documentId: DOCUMENT_ID,
    number: NUMBER,
    publishedAt: PUBLISHED_AT,
  };
  await db
    .collection(COLLECTIONS.applications)
    .doc(APPLICATION_ID)
    .set(
      storedApplication.parse({
        instansiId: "kota-metro",
        selectionId: SELECTION_ID,
        postId: POST.id,
        postName: POST.name,
        candidateUid: CANDIDATE.uid,
        candidateName: CANDIDATE.name,
        nip: CANDIDATE.nip,
        status: "ms",
        createdAt: "2021-09-20T01:00:00.000Z",
        updatedAt: PUBLISHED_AT,
        submittedAt: "2021-09-20T01:00:00.000Z",
        reviewed: true,
        result: {
          decision: "ms",
          reasons: [],
          byUid: "demo-operator",
          byName: "Operator",
          at: "2021-10-08T01:00:00.000Z",
        },
        stageOutcomes: { kompetensiTeknis: outcome },
      }),
    );
  // What the projection trigger does, done here at once: a loaded machine may start the trigger late.
  await projectSelection(SELECTION_ID);

  // A post ready to be ranked, the other posts cancelled: the announcement waits for every live one.
  const ranked = rankingSelection("kota-metro", MEMBERS);
  await db
    .collection(COLLECTIONS.selections)
    .doc(RANKED_ID)
    .set({
      ...ranked,
      title: `${ranked.title} (hasil akhir)`,
      announcedAt: "2021-09-12T01:00:00.000Z",
      postDecisions: Object.fromEntries(METRO.posts.filter((p) => p.id !== "bappeda").map((p) => [p.id, "cancelPost"])),
    });
  await seedRankingReadyPost(db, {
    instansiId: "kota-metro",
    selectionId: RANKED_ID,
    postId: "bappeda",
    members: MEMBERS,
  });
});

afterAll(async () => {
  const ranked = await db.collection(COLLECTIONS.applications).where("selectionId", "==", RANKED_ID).get();
  await Promise.all(ranked.docs.map((d) => db.recursiveDelete(d.ref)));
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(RANKED_ID));
  await db.recursiveDelete(db.collection(COLLECTIONS.publicSelections).doc(RANKED_ID));
  await db.recursiveDelete(db.collection(COLLECTIONS.applications).doc(APPLICATION_ID));
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
  await db.recursiveDelete(db.collection(COLLECTIONS.publicSelections).doc(SELECTION_ID));
});

// The second test computes a ranking and renders a PDF in the emulator: a cold start on a busy machine.
describe("a stage's result", { timeout: 240_000 }, () => {
  it("is on the public page, names only who goes on, and the candidate's timeline says they go on", async () => {
    const anonymous = await (await phoneContext(demo.browser)).newPage();
    await anonymous.goto(`${demo.site}/seleksi/${SELECTION_ID}`);
    const results = anonymous.getByTestId("stage-results");
    await expect.poll(() => results.textContent()).toContain(CANDIDATE.name);
    const text = (await results.textContent()) ?? "";
    expect(text).toContain("Hasil seleksi");
    expect(text).toContain("Lolos tahap Kompetensi teknis (makalah dan presentasi)");
    expect(text).toContain(`NIP ${maskNip(CANDIDATE.nip)}`);
    expect(text).toContain("Peringkat sementara; komponen yang dihitung: Asesmen kompetensi manajerial");
    expect(text).not.toContain(CANDIDATE.nip);
    expect(text).not.toContain(OUT.name);
    expect(await results.getByRole("link", { name: `Nomor pengumuman: ${NUMBER}` }).getAttribute("href")).toBe(
      `/verifikasi/${DOCUMENT_ID}`,
    );
    // Nothing wider than the phone.
    expect(await anonymous.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await anonymous.screenshot({ path: join(SCREENSHOTS, "public-stage-result-360.png"), fullPage: true });

    const candidate = await (await phoneContext(demo.browser)).newPage();
    await signIn(candidate, CANDIDATE.email, "/peserta");
    await candidate.goto(`${demo.site}/peserta/lamaran/${APPLICATION_ID}/status`);
    const step = candidate.getByTestId("application-timeline").getByTestId("step-result-kompetensiTeknis");
    await expect.poll(() => step.textContent()).toContain("Lolos ke tahap berikutnya");
    expect(await step.textContent()).toContain("Hasil tahap Kompetensi teknis (makalah dan presentasi)");
    expect(await step.textContent()).toContain(NUMBER);
    // No rank or score: the plan publishes none.
    expect(await step.textContent()).not.toContain("Peringkat");
    await candidate.screenshot({ path: join(SCREENSHOTS, "candidate-stage-result-360.png"), fullPage: true });
  });

  it("is announced by the operator from the ranking screen, and a finalist reads it in their timeline", async () => {
    const operator = await (await phoneContext(demo.browser)).newPage();
    await signIn(operator, "operator@metrokota.demo", "/operator");
    await operator.goto(`${demo.site}/kelola/${RANKED_ID}/peringkat`);
    await expect.poll(() => operator.getByTestId("ranking").textContent()).toContain("Peringkat belum dihitung");
    await operator.getByRole("button", { name: "Hitung peringkat" }).click();
    await expect
      .poll(() => operator.getByTestId("ranking-table").locator("tbody tr").count(), { timeout: 60_000 })
      .toBe(6);
    operator.on("dialog", (dialog) => void dialog.accept());
    await operator.getByRole("button", { name: "Umumkan hasil tahap" }).click();
    const panel = operator.getByTestId("stage-result");
    await expect
      .poll(() => panel.textContent(), { timeout: 120_000 })
      .toMatch(/Pengumuman nomor \d{3}\/PENG\/.+ \(versi 1\) terbit\./);
    expect(await operator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await operator.screenshot({ path: join(SCREENSHOTS, "official-stage-result-360.png"), fullPage: true });

    const finalist = CANDIDATES[0]!;
    const candidate = await (await phoneContext(demo.browser)).newPage();
    await signIn(candidate, finalist.email, "/peserta");
    await candidate.goto(`${demo.site}/peserta/lamaran/${applicationId(RANKED_ID, "bappeda", finalist.uid)}/status`);
    const step = candidate.getByTestId("application-timeline").getByTestId("step-result-pemeringkatan");
    await expect.poll(() => step.textContent()).toContain("Masuk tiga besar yang diusulkan kepada PPK");
  });
});
