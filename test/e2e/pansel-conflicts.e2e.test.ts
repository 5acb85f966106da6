/**
 * Conflicts of interest end to end (issue 9): the operator narrows a post to one pansel member on the
 * selection's page; that member, on a tablet, declares no conflict with one candidate and a family tie
 * with the other (after the confirmation that it cannot be changed); the member can then read the
 * first candidate's application and not the second's, asked of Firestore with the member's own ID
 * token under the rules (as the app's SDK would). Then a third candidate becomes MS (an objection
 * accepted): the home says one new candidate is to be declared on, and the member declares on that one
 * alone. The selection (in wawancara) and its MS applications are written with the Admin SDK as the
 * administrative result leaves them.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SELECTIONS, DEMO_PASSWORD } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { signIn as signInApi } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { emulatorHosts } from "../support/emulators.js";
import { signIn } from "../support/session.js";
import { submittedApplication, writeApplication } from "../support/applications.js";

const demo = useDemoSite();
const SELECTION_ID = "metro-conflicts-e2e";
const METRO = SELECTIONS["metro-2021-jpt"]!;
const MEMBER = "demo-pansel-metro"; // pansel@metrokota.demo
const OTHER_MEMBER = "e2e-pansel-anggota"; // on the committee, no sign-in needed here
const FREE = "Dr. Hendra Saputra, M.Si.";
const RELATIVE = "Sri Wahyuningsih, S.E., M.M.";
const LATE = "Drs. Yusuf Hidayat, M.A.P.";
const TABLET = { width: 800, height: 1280 } as const;

let free = "";
let relative = "";
let late = "";

/** An MS application of Bappeda, as the administrative result (or an accepted objection) leaves it. */
async function writeMs(uid: string, name: string, minute: number): Promise<string> {
  const post = METRO.posts.find((p) => p.id === "bappeda")!;
  const app = submittedApplication({
    instansiId: METRO.instansiId,
    selectionId: SELECTION_ID,
    postId: post.id,
    postName: post.name,
    candidateUid: uid,
    candidateName: name,
    status: "ms",
    submittedAt: new Date(Date.UTC(2021, 9, 3, 3, minute)).toISOString(),
  });
  await writeApplication(db, app);
  return app.id;
}

/** The published MS list of Bappeda: what the member's home counts the candidates to declare on from. */
const msOfBappeda = (names: readonly string[]) => names.map((name) => ({ name, nip: "197806********2001" }));

beforeAll(async () => {
  const selection: StoredSelection = {
    ...METRO,
    title: "Seleksi Terbuka JPT Pratama Kota Metro (konflik kepentingan)",
    stage: "wawancara",
    public: false,
    pansel: METRO.pansel.map((m, i) => (i === 1 ? { ...m, uid: OTHER_MEMBER } : m)),
    panselUids: [MEMBER, OTHER_MEMBER],
    counts: ZERO_COUNTS,
    administrativeResult: {
      publishedAt: "2021-10-20T02:00:00.000Z",
      objectionClosesAtMs: Date.UTC(2021, 9, 22, 17),
      objectionLastDay: "2021-10-22",
      documentId: `${SELECTION_ID}-hasil-administrasi`,
      number: "800/021/PANSEL-JPT/X/2021",
      ms: { bappeda: msOfBappeda([FREE, RELATIVE]) },
    },
  };
  await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).set(selection);
  free = await writeMs("cand-e2e-hendra", FREE, 1);
  relative = await writeMs("cand-e2e-sri", RELATIVE, 2);
});

afterAll(async () => {
  await Promise.all(
    [free, relative, late].filter(Boolean).map((id) => db.collection(COLLECTIONS.applications).doc(id).delete()),
  );
  const conflicts = await db.collection(COLLECTIONS.conflicts).where("selectionId", "==", SELECTION_ID).get();
  await Promise.all(conflicts.docs.map((d) => d.ref.delete()));
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
});

/** A read of one document as a signed-in user, through the emulator's REST API under the rules. */
async function readAs(idToken: string, path: string): Promise<number> {
  const { host, port } = emulatorHosts().firestore;
  const url = `http://${host}:${port}/v1/projects/${emulatorHosts().projectId}/databases/(default)/documents/${path}`;
  return (await fetch(url, { headers: { authorization: `Bearer ${idToken}` } })).status;
}

describe("pansel conflicts of interest", () => {
  it("the operator assigns a member, who declares one recusal and then reads only the other candidate", async () => {
    // The operator narrows Bappeda to the ketua.
    const operatorContext = await phoneContext(demo.browser);
    const operator = await operatorContext.newPage();
    await signIn(operator, "operator@metrokota.demo", "/operator");
    await operator.goto(`${demo.site}/kelola/${SELECTION_ID}`);
    const bappeda = operator.getByTestId("assign-bappeda");
    await expect.poll(() => bappeda.getByRole("checkbox").count()).toBe(2);
    const other = bappeda.getByRole("checkbox", { name: METRO.pansel[1]!.name });
    expect(await other.isChecked()).toBe(true); // the whole committee until assigned
    await other.uncheck();
    await bappeda.getByRole("button", { name: "Simpan penugasan" }).click();
    await expect.poll(() => bappeda.textContent()).toContain("Penugasan tersimpan.");
    await operator.screenshot({ path: join(SCREENSHOTS, "pansel-assignment-360.png"), fullPage: true });
    const assigned = (await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).get()).data() as StoredSelection;
    expect(assigned.panselAssignments).toEqual({ bappeda: [MEMBER] });
    await operatorContext.close();

    // Before declaring, the member reads neither application.
    const { idToken } = await signInApi("pansel@metrokota.demo", DEMO_PASSWORD);
    expect(await readAs(idToken, `${COLLECTIONS.applications}/${free}`)).toBe(403);

    // The member, on a tablet, finds the post on the home page and declares.
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await page.setViewportSize(TABLET);
    await signIn(page, "pansel@metrokota.demo", "/pansel");
    const posts = page.getByTestId(`pansel-posts-${SELECTION_ID}`);
    await posts.getByTestId("pansel-post-bappeda").getByTestId("declare-link").click();
    await page.waitForURL(new RegExp(`/pansel/${SELECTION_ID}/konflik/bappeda$`));
    const freeCard = page.getByTestId(`candidate-${free}`);
    const relativeCard = page.getByTestId(`candidate-${relative}`);
    await expect.poll(() => freeCard.textContent()).toContain(FREE);
    // A masked NIP only: six digits, eight stars, four digits.
    expect(await freeCard.textContent()).toMatch(/NIP \d{6}\*{8}\d{4}/);

    // Nothing chosen for one candidate: a specific error, nothing sent.
    await freeCard.getByRole("radio", { name: "Tidak ada konflik" }).check();
    await page.getByRole("button", { name: "Periksa pernyataan" }).click();
    await expect.poll(() => page.locator("form").textContent()).toContain("1 belum diisi");
    await relativeCard.getByRole("radio", { name: "Hubungan keluarga" }).check();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(SCREENSHOTS, "pansel-conflicts-form-360.png"), fullPage: true });
    await page.setViewportSize(TABLET);
    await page.getByRole("button", { name: "Periksa pernyataan" }).click();
    const confirm = page.getByTestId("confirm");
    await expect.poll(() => confirm.textContent()).toContain("tidak dapat diubah");
    await page.screenshot({ path: join(SCREENSHOTS, "pansel-conflicts-confirm-tablet.png"), fullPage: true });
    await confirm.getByRole("button", { name: "Ya, kirim pernyataan" }).click();
    await expect
      .poll(() => page.getByTestId("declared-at").textContent(), { timeout: 20_000 })
      .toContain("Pernyataan terkirim");
    expect(await page.getByTestId(`declared-${relative}`).textContent()).toContain("Hubungan keluarga");
    await page.screenshot({ path: join(SCREENSHOTS, "pansel-conflicts-declared-tablet.png"), fullPage: true });

    // Back home the post says declared.
    await page.goto(`${demo.site}/pansel`);
    await expect.poll(() => page.getByTestId(`pansel-posts-${SELECTION_ID}`).getByTestId("declared").count()).toBe(1);
    await context.close();

    // Now the member reads the candidate without a conflict, never the relative.
    expect(await readAs(idToken, `${COLLECTIONS.applications}/${free}`)).toBe(200);
    expect(await readAs(idToken, `${COLLECTIONS.applications}/${relative}`)).toBe(403);
    // One candidate to score in each committee component not over yet: wawancara and rekam jejak.
    const after = (await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).get()).data() as StoredSelection;
    expect(after.counts.unlockedScores).toBe(2);

    // A third candidate becomes MS after the declaration (an objection accepted): the home counts them,
    // the declaration screen asks about that candidate alone, and the declaration grows.
    late = await writeMs("cand-e2e-yusuf", LATE, 3);
    await db
      .collection(COLLECTIONS.selections)
      .doc(SELECTION_ID)
      .update({ "administrativeResult.ms.bappeda": msOfBappeda([FREE, RELATIVE, LATE]) });
    expect(await readAs(idToken, `${COLLECTIONS.applications}/${late}`)).toBe(403);
    const again = await phoneContext(demo.browser);
    const tablet = await again.newPage();
    await tablet.setViewportSize(TABLET);
    await signIn(tablet, "pansel@metrokota.demo", "/pansel");
    const fresh = tablet.getByTestId(`pansel-posts-${SELECTION_ID}`).getByTestId("declare-new-link");
    await expect.poll(() => fresh.textContent(), { timeout: 20_000 }).toContain("1 kandidat baru perlu dinyatakan");
    await fresh.click();
    await tablet.waitForURL(new RegExp(`/pansel/${SELECTION_ID}/konflik/bappeda$`));
    const lateCard = tablet.getByTestId(`candidate-${late}`);
    await expect.poll(() => lateCard.textContent()).toContain(LATE);
    // What was declared stays as it was, shown above, not offered again.
    expect(await tablet.getByTestId(`candidate-${relative}`).count()).toBe(0);
    expect(await tablet.getByTestId(`declared-${relative}`).textContent()).toContain("Hubungan keluarga");
    await lateCard.getByRole("radio", { name: "Tidak ada konflik" }).check();
    await tablet.getByRole("button", { name: "Periksa pernyataan" }).click();
    await tablet.getByTestId("confirm").getByRole("button", { name: "Ya, kirim pernyataan" }).click();
    await expect.poll(() => tablet.getByTestId(`declared-${late}`).count(), { timeout: 20_000 }).toBe(1);
    await tablet.screenshot({ path: join(SCREENSHOTS, "pansel-conflicts-late-tablet.png"), fullPage: true });
    await again.close();
    expect(await readAs(idToken, `${COLLECTIONS.applications}/${late}`)).toBe(200);
    const extended = (await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).get()).data() as StoredSelection;
    expect(extended.counts.unlockedScores).toBe(4);
  });
});
