/**
 * Finding a selection on a 360 px phone (issue 8): the public home filtered by province and level,
 * paged to its second page, the filters kept in a link; and a signed-in candidate who sees first the
 * selections open to them, with the days left to apply.
 *
 * The cards are written straight into the projection with the Admin SDK (the trigger keeps it from
 * `selections`, which would take 25 setups to fill); their province is one no demo government has, and
 * the candidate's are unique to this run, so other tests' selections do not change what is counted.
 */
import { describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { PublicSelection } from "../../functions/src/domain/publication/projection.js";
import { CANDIDATES, SELECTIONS } from "../../seed/metro2021.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const RUN = Date.now().toString(36);
const DAY = 24 * 3600 * 1000;
const PROVINCE = "Papua Selatan";
const METRO = SELECTIONS["metro-2021-jpt"]!;

function card(i: number, over: Partial<PublicSelection>): PublicSelection {
  return {
    instansiId: `e2e-${RUN}-${i % 3}`,
    instansiName: `Kabupaten Uji ${i % 3}`,
    province: PROVINCE,
    title: `Seleksi Uji ${String(i).padStart(2, "0")} (${RUN})`,
    year: 2026,
    stage: "seleksiAdministrasi",
    announcedAt: new Date(Date.parse("2026-01-01T00:00:00Z") + i * 60_000).toISOString(),
    posts: [{ id: "p1", name: "Kepala Dinas Uji", opd: "Dinas Uji", level: "jptPratama" }],
    levels: ["jptPratama"],
    openToScope: { scope: "national" },
    schedule: METRO.schedule,
    registrationClosesAtMs: null,
    document: null,
    administrativeResult: null,
    ...over,
  };
}

async function write(id: string, summary: PublicSelection): Promise<void> {
  await db.collection(COLLECTIONS.publicSelections).doc(id).set(summary);
}

describe("finding a selection", () => {
  it("filters the public home by province and level, and pages to the second page", async () => {
    // 22 JPT Pratama selections in the province, 3 JPT Madya ones that the level filter leaves out.
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        write(
          `e2e-${RUN}-find-${i}`,
          i < 3
            ? card(i, {
                posts: [{ id: "p1", name: "Sekretaris Daerah", opd: "Setda", level: "jptMadya" }],
                levels: ["jptMadya"],
              })
            : card(i, {}),
        ),
      ),
    );
    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await page.goto(demo.site);
    await page.getByText("Saring seleksi").click();
    await page.getByLabel("Provinsi").selectOption(PROVINCE);
    await expect.poll(() => page.url()).toContain(`provinsi=${encodeURIComponent(PROVINCE).replace(/%20/g, "+")}`);
    await page.getByLabel("Jenjang").selectOption("jptPratama");
    await expect.poll(() => page.url()).toContain("jenjang=jptPratama");
    const cards = page.getByTestId("selection-card");
    await expect.poll(() => cards.count()).toBe(20);
    // The newest first: the 25th written is the first card.
    expect(await cards.first().textContent()).toContain("Seleksi Uji 24");
    await page.screenshot({ path: `${SCREENSHOTS}/finding-filtered-360.png`, fullPage: true });

    await page.getByRole("button", { name: "Muat lebih banyak" }).click();
    await expect.poll(() => cards.count()).toBe(22);
    const titles = await page.locator(".card__title").allTextContents();
    expect(titles.at(-1)).toContain("Seleksi Uji 03");
    expect(titles.some((t) => /Uji 0[012] /.test(t))).toBe(false);
    expect(new Set(titles).size).toBe(22);
    expect(await page.getByRole("button", { name: "Muat lebih banyak" }).count()).toBe(0);

    // The link carries the filters: opened afresh, it lists the same first page.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect.poll(() => shared.getByTestId("selection-card").count()).toBe(20);
    await expect.poll(() => shared.getByLabel("Jenjang").inputValue()).toBe("jptPratama");
    await context.close();
  });

  it("shows a signed-in candidate the selections open to them first, with the days left", async () => {
    const candidate = CANDIDATES[0]!;
    const instansi = `Pemerintah Kota Uji ${RUN}`;
    const now = Date.now();
    const open = (i: number, over: Partial<PublicSelection>) =>
      card(100 + i, { stage: "pendaftaran", instansiName: instansi, ...over });
    // Closing soonest but open to another province only; then one open to the candidate's own
    // government on its last day, and one open to their province with ten days left.
    await write(
      `e2e-${RUN}-other`,
      open(0, {
        title: `Hanya Banten ${RUN}`,
        openToScope: { scope: "province", province: "Banten" },
        registrationClosesAtMs: now + 2 * 3600 * 1000,
      }),
    );
    await write(
      `e2e-${RUN}-own`,
      open(1, {
        title: `Instansi sendiri ${RUN}`,
        openToScope: { scope: "instansi", instansiName: instansi },
        registrationClosesAtMs: now + 6 * 3600 * 1000,
      }),
    );
    await write(
      `e2e-${RUN}-province`,
      open(2, {
        title: `Se-Lampung ${RUN}`,
        openToScope: { scope: "province", province: "Lampung" },
        registrationClosesAtMs: now + 9 * DAY + 3600 * 1000,
      }),
    );
    await db
      .collection(COLLECTIONS.profiles)
      .doc(candidate.uid)
      .set({ currentInstansi: instansi, province: "Lampung" }, { merge: true });

    const context = await phoneContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, candidate.email, "/peserta");
    const cards = page.getByTestId("selection-card");
    const titles = () => page.locator(".card__title").allTextContents();
    await expect
      .poll(async () => (await titles()).filter((t) => t.includes(RUN)))
      .toEqual([`Instansi sendiri ${RUN}`, `Se-Lampung ${RUN}`, `Hanya Banten ${RUN}`]);
    // Open to them first: the first card is one of theirs, even though Banten's closes sooner.
    expect(await cards.first().getByTestId("open-to").textContent()).toBe("Terbuka untuk Anda");
    const own = cards.filter({ hasText: `Instansi sendiri ${RUN}` });
    expect(await own.getByTestId("days-left").textContent()).toBe("Hari terakhir pendaftaran");
    const province = cards.filter({ hasText: `Se-Lampung ${RUN}` });
    expect(await province.getByTestId("open-to").textContent()).toBe("Terbuka untuk Anda");
    expect(await province.getByTestId("days-left").textContent()).toBe("10 hari lagi untuk mendaftar");
    const other = cards.filter({ hasText: `Hanya Banten ${RUN}` });
    expect(await other.getByTestId("open-to").textContent()).toBe("Tidak terbuka untuk Anda");
    await page.screenshot({ path: `${SCREENSHOTS}/finding-candidate-360.png`, fullPage: true });
    await context.close();
  });
});
