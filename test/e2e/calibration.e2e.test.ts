/**
 * Calibration on a phone (360 px): the ketua pansel (the demo pansel account, ketua of this
 * selection) computes a post's final ranking in which one member scored a candidate's interview far
 * from the others, records the committee's decision on that flag (a short reason is refused in words
 * and the text stays), and sees the decision and the link to reopen each of the flag's scores.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { scoreId } from "../../functions/src/domain/scoring/score.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";
import { rankingSelection, seedRankingReadyPost } from "../support/ranking.js";

const demo = useDemoSite();
const SELECTION_ID = `metro-kalibrasi-${uniqueSuffix()}`;
const MEMBERS = ["demo-pansel-metro", "e2e-cal-2", "e2e-cal-3", "e2e-cal-4", "e2e-cal-5"];
const REASON = "Perbedaan penilaian sudah dibahas dalam rapat; nilai dipertahankan.";

beforeAll(async () => {
  const selection = rankingSelection("kota-metro", MEMBERS);
  await db
    .collection(COLLECTIONS.selections)
    .doc(SELECTION_ID)
    .set({ ...selection, title: `${selection.title} (kalibrasi)`, announcedAt: "2021-09-12T01:00:00.000Z" });
  const { applicationIds } = await seedRankingReadyPost(db, {
    instansiId: "kota-metro",
    selectionId: SELECTION_ID,
    postId: "bappeda",
    members: MEMBERS,
  });
  const low = Object.fromEntries(["visi-misi", "integritas", "kepemimpinan", "pemahaman-tugas"].map((k) => [k, 40]));
  await db
    .collection(COLLECTIONS.scores)
    .doc(scoreId(applicationIds[0]!, "wawancara", MEMBERS[4]!))
    .update({ levels: low });
});

afterAll(async () => {
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
});

describe("calibration", () => {
  it("lets the ketua record the committee's decision on a spread flag at 360 px", async () => {
    const page = await (await phoneContext(demo.browser)).newPage();
    await signIn(page, "pansel@metrokota.demo", "/pansel");
    await page.goto(`${demo.site}/kelola/${SELECTION_ID}/peringkat`);
    await page.getByLabel("Jabatan").selectOption("bappeda");
    await page.getByRole("button", { name: "Hitung peringkat" }).click();

    const flags = page.getByTestId("ranking-spread");
    await expect.poll(() => flags.textContent(), { timeout: 60_000 }).toContain("Belum diputuskan");
    expect(await flags.getByRole("link", { name: /Buka kembali nilai/ }).count()).toBe(MEMBERS.length);

    await flags.getByRole("button", { name: "Catat keputusan" }).click();
    const reason = flags.getByLabel("Alasan");
    await reason.fill("oke");
    await flags.getByRole("button", { name: "Simpan keputusan" }).click();
    await expect.poll(() => flags.textContent()).toContain("paling sedikit 10 karakter");
    expect(await reason.inputValue()).toBe("oke");

    await reason.fill(REASON);
    await flags.getByRole("button", { name: "Simpan keputusan" }).click();
    await expect.poll(() => flags.getByTestId("flag-resolution").textContent(), { timeout: 60_000 }).toContain(REASON);
    expect(await flags.getByTestId("flag-resolution").textContent()).toContain("Nilai tetap");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, "pansel-calibration-360.png"), fullPage: true });

    // The reopening screen, one tap away: the reason field, for the ketua only.
    await flags
      .getByRole("link", { name: /Buka kembali nilai/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId("reopen-score").textContent()).toContain("Buka kembali nilai");
    expect(await page.getByLabel("Alasan membuka kembali").isVisible()).toBe(true);
  });
});
