/**
 * A pansel member signs the berita acara of the interview stage on a tablet with the Wi-Fi down:
 * the signature is drawn on the pad, kept on the device ("saved on this device") and sent once the
 * Wi-Fi returns; it is then stored as the rules allow (the member's own, the stage in progress) and
 * shown instead of the pad when the screen is opened again.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { PATH_PATTERN, signatureId } from "../../functions/src/domain/documents/signature.js";
import type { StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { SELECTIONS } from "../../seed/metro2021.js";
import { db } from "../support/admin.js";
import { SCREENSHOTS, tabletContext } from "../support/browser.js";
import { uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const SELECTION_ID = `e2e-ttd-${uniqueSuffix()}`;
const MEMBER = "demo-pansel-metro";
const METRO = SELECTIONS["metro-2021-jpt"]!;
const SLOW = { timeout: 90_000 };

afterAll(async () => {
  await db
    .collection(COLLECTIONS.signatures)
    .doc(signatureId(SELECTION_ID, "wawancara", MEMBER))
    .delete();
  await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(SELECTION_ID));
});

describe("signing the berita acara on a tablet", { timeout: 240_000 }, () => {
  it("draws offline, keeps the signature on the device, sends it when back online", async () => {
    const selection: StoredSelection = {
      ...METRO,
      stage: "wawancara",
      panselUids: [MEMBER],
      pansel: METRO.pansel.map((m, i) => (i === 0 ? { ...m, uid: MEMBER } : m)),
    };
    await db.collection(COLLECTIONS.selections).doc(SELECTION_ID).set(selection);

    const context = await tabletContext(demo.browser);
    const page = await context.newPage();
    await signIn(page, "pansel@metrokota.demo", "/pansel");
    await page.goto(`${demo.site}/pansel/${SELECTION_ID}/tanda-tangan/wawancara`);
    const pad = page.getByTestId("signature-pad");
    await pad.waitFor(SLOW);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Tanda tangan berita acara Wawancara akhir",
    );

    await context.setOffline(true);
    // A stray tap is not a signature.
    const box = (await pad.boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + 40);
    await page.getByRole("button", { name: "Tanda tangani" }).click();
    await expect.poll(() => page.locator(".notice--error").textContent()).toContain("Tanda tangan terlalu pendek");
    await page.getByRole("button", { name: "Hapus dan ulangi" }).click();
    // A signature: two strokes across the line.
    for (const [from, to] of [
      [0.1, 0.5],
      [0.55, 0.9],
    ] as const) {
      await page.mouse.move(box.x + box.width * from, box.y + box.height * 0.6);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) {
        const x = box.x + box.width * (from + ((to - from) * i) / 12);
        const y = box.y + box.height * (0.6 - 0.25 * Math.sin(i));
        await page.mouse.move(x, y);
      }
      await page.mouse.up();
    }
    await page.getByRole("button", { name: "Tanda tangani" }).click();
    await page.getByRole("button", { name: "Ya, simpan" }).click();
    const state = page.getByTestId("signature-state");
    await expect.poll(() => state.getAttribute("data-pending"), SLOW).toBe("yes");
    expect(await state.textContent()).toContain("Tersimpan di perangkat");
    const ref = db.collection(COLLECTIONS.signatures).doc(signatureId(SELECTION_ID, "wawancara", MEMBER));
    expect((await ref.get()).exists).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, "sign-minutes-offline-tablet.png"), fullPage: true });

    await context.setOffline(false);
    await expect.poll(() => state.getAttribute("data-pending"), SLOW).toBe("no");
    expect(await state.textContent()).toMatch(/^Terkirim\. Ditandatangani /);
    const stored = (await ref.get()).data()!;
    expect(stored).toMatchObject({ instansiId: METRO.instansiId, selectionId: SELECTION_ID, stage: "wawancara" });
    expect(stored["memberUid"]).toBe(MEMBER);
    expect(stored["path"]).toMatch(new RegExp(PATH_PATTERN));
    expect((stored["path"] as string).match(/M/g)).toHaveLength(2);

    // Opened again: the signature, not the pad.
    await page.reload();
    await expect.poll(() => page.getByTestId("signature-done").isVisible(), SLOW).toBe(true);
    expect(await page.getByTestId("signature-pad").count()).toBe(0);
    await context.close();
  });
});
