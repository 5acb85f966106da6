/**
 * An objection on a phone (360 px): a candidate whose application was published TMS reads why, files
 * an objection within the window, the operator accepts it from the selection's objections screen,
 * and the candidate's timeline shows the answer and the result now MS. The state before (a selection
 * whose administrative result is out, the TMS application) is written with the Admin SDK, as the
 * verification and publication functions leave it.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANDIDATES, INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { applicationId, storedApplication } from "../../functions/src/domain/applications/application.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { projectSelection } from "../../functions/src/publication/projectSelection.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();

const METRO = SELECTIONS["metro-2021-jpt"]!;
const POST = METRO.posts[1]!;
const CANDIDATE = CANDIDATES[0]!;
const SELECTION_ID = `metro-sanggah-${uniqueSuffix()}`;
const APPLICATION_ID = applicationId(SELECTION_ID, POST.id, CANDIDATE.uid);
const REASON = "Ijazah S1 yang diunggah tidak dilegalisir.";
const OBJECTION =
  "Ijazah S1 saya sudah dilegalisir oleh Universitas Lampung pada 3 Maret 2021; salinan legalisir ada di berkas.";

beforeAll(async () => {
  const selection: StoredSelection = {
    ...METRO,
    title: `${METRO.title} (sanggah)`,
    instansiId: "kota-metro",
    instansiName: INSTANSI["kota-metro"]!.name,
    stage: "pengumumanAdministrasi",
    public: true,
    // Long ago, so the public home's list of the newest selections is not disturbed.
    announcedAt: "2021-09-13T01:00:00.000Z",
    panselUids: [],
    counts: { ...ZERO_COUNTS },
    administrativeResult: {
      publishedAt: new Date().toISOString(),
      objectionClosesAtMs: Date.now() + 3 * 86_400_000,
      objectionLastDay: new Date(Date.now() + 3 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10),
      documentId: `${SELECTION_ID}-hasilAdministrasi-v1`,
      number: "012/PENG/PANSEL-JPT/METRO/X/2021",
      ms: Object.fromEntries(METRO.posts.map((p) => [p.id, []])),
    },
  };
  await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).set(selection);
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
        status: "tms",
        createdAt: "2021-09-20T01:00:00.000Z",
        updatedAt: "2021-10-11T01:00:00.000Z",
        submittedAt: "2021-09-20T01:00:00.000Z",
        reviewed: true,
        result: {
          decision: "tms",
          reasons: [REASON],
          byUid: "demo-operator",
          byName: "Operator",
          at: "2021-10-08T01:00:00.000Z",
        },
      }),
    );
  // What the projection trigger does, done here at once: a loaded machine may start the trigger late.
  await projectSelection(SELECTION_ID);
});

afterAll(async () => {
  await db.recursiveDelete(db.collection(COLLECTIONS.applications).doc(APPLICATION_ID));
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
  await db.recursiveDelete(db.collection(COLLECTIONS.publicSelections).doc(SELECTION_ID));
});

describe("an objection to a TMS result", () => {
  it("is filed by the candidate, accepted by the operator, and the candidate sees MS", async () => {
    const candidate = await (await phoneContext(demo.browser)).newPage();
    await signIn(candidate, CANDIDATE.email, "/peserta");
    await candidate.goto(`${demo.site}/peserta/lamaran/${APPLICATION_ID}/status`);
    const timeline = candidate.getByTestId("application-timeline");
    await expect.poll(() => timeline.getByTestId("step-result").textContent()).toContain("Tidak memenuhi syarat (TMS)");
    expect(await timeline.getByTestId("tms-reasons").textContent()).toBe(REASON);
    expect(await candidate.getByTestId("objection-window").textContent()).toMatch(
      /^Masa sanggah berakhir .+ \(\d hari \d+ jam lagi\)\.$/,
    );

    // Too short is refused on the phone with the reason, and nothing is sent.
    await candidate.getByLabel("Uraian sanggah").fill("Tidak setuju.");
    await candidate.getByRole("button", { name: "Kirim sanggah" }).click();
    await expect
      .poll(() => candidate.locator(".notice--error").textContent())
      .toBe("Uraian sanggah terlalu pendek: tulis paling sedikit 20 karakter.");

    await candidate.getByLabel("Uraian sanggah").fill(OBJECTION);
    await candidate.getByRole("button", { name: "Kirim sanggah" }).click();
    await expect.poll(() => candidate.getByTestId("objection-sent").textContent()).toMatch(/^Sanggah terkirim\./);
    await expect.poll(() => timeline.getByTestId("step-objection").textContent()).toContain(OBJECTION);
    expect(await candidate.getByTestId("objection-form").count()).toBe(0);
    await candidate.screenshot({ path: join(SCREENSHOTS, "candidate-objection-filed-360.png"), fullPage: true });

    const operator = await (await phoneContext(demo.browser)).newPage();
    await signIn(operator, "operator@metrokota.demo", "/operator");
    await operator.goto(`${demo.site}/kelola/${SELECTION_ID}`);
    await operator.getByRole("link", { name: "Sanggah (1 menunggu jawaban)" }).click();
    await operator.waitForURL(`${demo.site}/kelola/${SELECTION_ID}/sanggah`);
    const card = operator.getByTestId(`objection-${APPLICATION_ID}`);
    await expect.poll(() => card.textContent()).toContain(OBJECTION);
    expect(await card.textContent()).toContain(`Alasan TMS: ${REASON}`);
    await operator.screenshot({ path: join(SCREENSHOTS, "operator-objections-360.png"), fullPage: true });
    await card.getByLabel("Jawaban dan alasannya").fill("Legalisir ijazah diperiksa dan sah.");
    await card.getByRole("button", { name: "Terima (menjadi MS)" }).click();
    await expect
      .poll(() => operator.getByTestId("objections").textContent())
      .toContain("Tidak ada sanggah yang menunggu jawaban.");

    // The candidate's page follows live: the answer, and the result now MS.
    await expect.poll(() => timeline.getByTestId("step-answer").textContent()).toContain("Sanggah diterima");
    expect(await timeline.getByTestId("step-answer").textContent()).toContain(
      "Jawaban: Legalisir ijazah diperiksa dan sah.",
    );
    expect(await timeline.getByTestId("step-result").textContent()).toContain("Memenuhi syarat (MS)");
    expect(await timeline.getByTestId("result-changed").textContent()).toBe(
      "Diubah dari TMS menjadi MS karena sanggah diterima.",
    );
    await candidate.screenshot({ path: join(SCREENSHOTS, "candidate-objection-answered-360.png"), fullPage: true });

    // And the public result now names the candidate, with a masked NIP.
    await projectSelection(SELECTION_ID);
    const anonymous = await (await phoneContext(demo.browser)).newPage();
    await anonymous.goto(`${demo.site}/seleksi/${SELECTION_ID}`);
    const published = anonymous.getByTestId("administrative-result");
    await expect.poll(() => published.textContent()).toContain(CANDIDATE.name);
    expect(await published.textContent()).toContain(`${CANDIDATE.nip.slice(0, 6)}********${CANDIDATE.nip.slice(14)}`);
    expect(await published.textContent()).not.toContain(CANDIDATE.nip);
  });
});
