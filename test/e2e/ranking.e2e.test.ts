/**
 * The officials' ranking screen on a phone (360 px): a post ready to be ranked (MS applications,
 * every member's submitted scores, the assessment imported, written with the Admin SDK as the
 * scoring functions leave them), the operator computes the ranking, sees the chart with its cut-off
 * line and the table, and issues the rekap PDF.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANDIDATES } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";
import { rankingSelection, seedRankingReadyPost } from "../support/ranking.js";

const demo = useDemoSite();
const SELECTION_ID = `metro-peringkat-${uniqueSuffix()}`;
const MEMBERS = ["e2e-pansel-1", "e2e-pansel-2", "e2e-pansel-3", "e2e-pansel-4", "e2e-pansel-5"];

beforeAll(async () => {
  const selection = rankingSelection("kota-metro", MEMBERS);
  await db
    .collection(COLLECTIONS.selections)
    .doc(SELECTION_ID)
    // Long ago, so the public home's list of the newest selections is not disturbed.
    .set({ ...selection, title: `${selection.title} (peringkat)`, announcedAt: "2021-09-12T01:00:00.000Z" });
  await seedRankingReadyPost(db, {
    instansiId: "kota-metro",
    selectionId: SELECTION_ID,
    postId: "bappeda",
    members: MEMBERS,
  });
});

afterAll(async () => {
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
});

describe("the ranking screen", () => {
  it("computes a post's ranking and shows the chart, the table and the rekap", async () => {
    const page = await (await phoneContext(demo.browser)).newPage();
    await signIn(page, "operator@metrokota.demo", "/operator");
    await page.goto(`${demo.site}/kelola/${SELECTION_ID}/peringkat`);
    await page.getByLabel("Jabatan").selectOption("bappeda");
    await expect.poll(() => page.getByTestId("ranking").textContent()).toContain("Peringkat belum dihitung");
    await page.getByRole("button", { name: "Hitung peringkat" }).click();

    const table = page.getByTestId("ranking-table");
    await expect.poll(() => table.locator("tbody tr").count(), { timeout: 60_000 }).toBe(6);
    expect(await table.locator("tbody tr").first().textContent()).toContain(CANDIDATES[0]!.name);
    expect(await table.locator("tbody tr").first().textContent()).toContain("3 besar");
    // NIPs masked, never whole.
    expect(await table.textContent()).not.toContain(CANDIDATES[0]!.nip);
    const chart = page.getByTestId("ranking-chart");
    expect(await chart.locator("svg rect title").count()).toBeGreaterThanOrEqual(6 * 4);
    expect(await chart.textContent()).toContain("Batas 3 besar");
    expect(await page.getByTestId("ranking-result").textContent()).toContain("dapat dikunci");
    // Readable at 360 px: the page itself does not scroll sideways (the wide table scrolls alone).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, "official-ranking-360.png"), fullPage: true });

    await page.getByRole("button", { name: "Terbitkan rekapitulasi nilai (PDF)" }).click();
    await expect
      .poll(() => page.getByTestId("ranking-result").textContent(), { timeout: 120_000 })
      .toMatch(/Rekapitulasi nomor \d{3}\/REKAP\/.+ terbit\./);
  });
});
