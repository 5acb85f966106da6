/**
 * The scoring in a browser: the demo's ketua pansel, on a tablet with no Wi-Fi, scores a
 * candidate's paper by rubric, closes the app, opens it again still offline and finds the levels
 * typed ("saved on this device"); back online the draft syncs, the member submits after the
 * confirmation, the form locks and the gate's count of unlocked scores goes down by one.
 *
 * The demo's Metro selection waits at the administrative result, so the test writes a copy of it in
 * kompetensiTeknis (the paper's stage) with one of its MS candidates and the member's declaration of
 * no conflict, as declareConflicts leaves it, through the Admin SDK.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { scoreId } from "../../functions/src/domain/scoring/score.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const { db } = await import("../support/admin.js");

const SLOW = { timeout: 90_000 };
const SELECTION = "metro-2021-jpt-nilai-e2e";
const MEMBER = "demo-pansel-metro";
const TABLET = { width: 800, height: 1280 };
const LEVELS = { substansi: 75, "program-kerja": 90, presentasi: 60 } as const;

let applicationId = "";
let postId = "";

beforeAll(async () => {
  const metro = (await db.collection(COLLECTIONS.selections).doc("metro-2021-jpt").get()).data()!;
  await db
    .collection(COLLECTIONS.selections)
    .doc(SELECTION)
    .set({
      ...metro,
      title: `${String(metro["title"])} (penilaian)`,
      stage: "kompetensiTeknis",
      panselAssignments: {},
      counts: { ...metro["counts"], unlockedScores: 3, unlockedScoresByStage: { kompetensiTeknis: 3 } },
    });
  const ms = await db
    .collection(COLLECTIONS.applications)
    .where("selectionId", "==", "metro-2021-jpt")
    .where("status", "==", "ms")
    .limit(1)
    .get();
  const app = ms.docs[0]!.data();
  postId = String(app["postId"]);
  applicationId = `${SELECTION}_${postId}_${String(app["candidateUid"])}`;
  await db
    .collection(COLLECTIONS.applications)
    .doc(applicationId)
    .set({ ...app, selectionId: SELECTION });
  await db
    .collection(COLLECTIONS.conflicts)
    .doc(`${SELECTION}_${postId}_${MEMBER}`)
    .set({
      instansiId: app["instansiId"],
      selectionId: SELECTION,
      postId,
      memberUid: MEMBER,
      entries: [{ applicationId, kind: "none", note: "" }],
      kinds: { [applicationId]: "none" },
      declaredAt: "2021-11-01T02:00:00.000Z",
    });
  // A run before this one may have left its draft and score.
  const id = scoreId(applicationId, "makalah", MEMBER);
  await db.collection(COLLECTIONS.scoreDrafts).doc(id).delete();
  await db.collection(COLLECTIONS.scores).doc(id).delete();
});

// The copy leaves nothing behind for the browser tests that run after this one (public lists, homes).
afterAll(async () => {
  const id = scoreId(applicationId, "makalah", MEMBER);
  await Promise.all([
    db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION)),
    db.recursiveDelete(db.collection(COLLECTIONS.publicSelections).doc(SELECTION)),
    db.collection(COLLECTIONS.applications).doc(applicationId).delete(),
    db.collection(COLLECTIONS.conflicts).doc(`${SELECTION}_${postId}_${MEMBER}`).delete(),
    db.collection(COLLECTIONS.scoreDrafts).doc(id).delete(),
    db.collection(COLLECTIONS.scores).doc(id).delete(),
  ]);
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });

async function pressed(page: Page, indicator: string, score: number): Promise<string | null> {
  return page.getByTestId(`level-${indicator}-${score}`).getAttribute("aria-pressed");
}

describe("pansel scoring on a tablet", () => {
  it("scores offline, keeps the levels across a restart, syncs, submits and locks", async () => {
    const context = await phoneContext(demo.browser);
    let page = await context.newPage();
    await page.setViewportSize(TABLET);
    await signIn(page, "pansel@metrokota.demo", "/pansel");
    // The service worker holds the app for the offline restart below.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await page.getByTestId(`score-${SELECTION}`).click();
    await page.waitForURL(`${demo.site}/pansel/${SELECTION}/nilai`);
    const state = page.getByTestId(`state-${applicationId}-makalah`);
    await expect.poll(() => state.textContent(), SLOW).toBe("Belum diisi");
    await page.getByRole("link", { name: "Penulisan makalah dan presentasi" }).click();
    const form = `${demo.site}/pansel/${SELECTION}/nilai/${applicationId}/makalah`;
    await page.waitForURL(form);
    await expect.poll(() => page.getByTestId("sync-state").textContent(), SLOW).toBe("Belum ada yang disimpan.");

    // Submitting before every indicator has its level: a specific error, and nothing is lost.
    await page.getByTestId("level-substansi-75").click();
    await page.getByRole("button", { name: "Kirim nilai" }).click();
    await page.getByRole("button", { name: "Ya, kirim dan kunci" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent(), SLOW)
      .toBe(
        "Penilaian belum lengkap: Inovasi dan kelayakan program kerja, Sistematika dan kemampuan presentasi. Lengkapi sebelum mengirim.",
      );
    expect(await pressed(page, "substansi", 75)).toBe("true");
    await expect.poll(() => page.getByTestId("sync-state").getAttribute("data-state"), SLOW).toBe("synced");

    // No Wi-Fi: every level lands on the device at once, and the screen says so.
    await context.setOffline(true);
    for (const [indicator, score] of Object.entries(LEVELS)) {
      await page.getByTestId(`level-${indicator}-${score}`).click();
      expect(await pressed(page, indicator, score)).toBe("true");
    }
    await expect.poll(() => page.getByTestId("sync-state").getAttribute("data-state"), SLOW).toBe("device");
    expect(await page.getByTestId("sync-state").textContent()).toBe(
      "Tersimpan di perangkat ini; akan tersinkron ketika tersambung ke internet.",
    );
    const id = scoreId(applicationId, "makalah", MEMBER);
    expect((await db.collection(COLLECTIONS.scoreDrafts).doc(id).get()).get("levels")).toEqual({ substansi: 75 });
    await shot(page, "pansel-score-offline-tablet.png");

    // The app closed and opened again, still offline: the levels are there, still on the device only.
    await page.close();
    page = await context.newPage();
    await page.setViewportSize(TABLET);
    await page.goto(form);
    for (const [indicator, score] of Object.entries(LEVELS)) {
      await expect.poll(() => pressed(page, indicator, score), SLOW).toBe("true");
    }
    expect(await page.getByTestId("sync-state").getAttribute("data-state")).toBe("device");

    // Back online: the draft reaches the server and the screen says synced.
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId("sync-state").getAttribute("data-state"), SLOW).toBe("synced");
    expect(await page.getByTestId("sync-state").textContent()).toBe("Tersinkron ke server.");
    const draft = (await db.collection(COLLECTIONS.scoreDrafts).doc(id).get()).data();
    expect(draft).toMatchObject({ memberUid: MEMBER, levels: LEVELS, selectionId: SELECTION, postId });

    // Submitted after the confirmation: locked, read-only, counted.
    await page.getByRole("button", { name: "Kirim nilai" }).click();
    await page.getByRole("button", { name: "Ya, kirim dan kunci" }).click();
    await expect.poll(() => page.getByTestId("score-locked").isVisible(), SLOW).toBe(true);
    expect(await page.getByTestId("level-substansi-90").isDisabled()).toBe(true);
    expect(await page.locator("#score-note").isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Kirim nilai" }).count()).toBe(0);
    await shot(page, "pansel-score-locked-tablet.png");
    const score = (await db.collection(COLLECTIONS.scores).doc(id).get()).data();
    expect(score).toMatchObject({ status: "submitted", levels: LEVELS, revision: 1 });
    const counts = (await db.collection(COLLECTIONS.selections).doc(SELECTION).get()).get("counts") as {
      unlockedScores: number;
      unlockedScoresByStage: Record<string, number>;
    };
    expect(counts.unlockedScores).toBe(2);
    expect(counts.unlockedScoresByStage).toEqual({ kompetensiTeknis: 2 });

    // At 360 px the form stacks above the documents and nothing spills sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, "pansel-score-locked-360.png");
    await page.getByRole("link", { name: "Kembali ke daftar penilaian" }).click();
    const locked = page.getByTestId(`state-${applicationId}-makalah`);
    await expect.poll(() => locked.textContent(), SLOW).toBe("Terkirim (terkunci)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, "pansel-scoring-list-360.png");
    await context.close();
  });
});
