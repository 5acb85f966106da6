/**
 * A shared link as a chat app's crawler fetches it: plain HTTP to the hosting emulator, which hands
 * /seleksi/{id} to the sharePage function. No JavaScript runs; the tags must be in the HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { SELECTIONS } from "../../seed/metro2021.js";
import { db } from "../support/admin.js";
import { emulatorUrl } from "../support/emulators.js";
import { uniqueSuffix } from "../support/callables.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
/** A government of its own, so the draft never shows up in Kota Metro's lists. */
const DRAFT_TENANT = `kota-share-${uniqueSuffix()}`;
let site: string;

beforeAll(async () => {
  site = await emulatorUrl("hosting");
  await db.collection(COLLECTIONS.selections).doc("metro-2021-jpt").set(METRO);
  await db
    .collection(COLLECTIONS.selections)
    .doc("share-test-draft")
    .set({
      ...METRO,
      instansiId: DRAFT_TENANT,
      title: "Draf rahasia",
      stage: "persiapan",
      public: false,
      announcedAt: null,
    });
});

afterAll(async () => {
  // The functions' project is shared with the browser tests: leave no draft behind.
  await db.collection(COLLECTIONS.selections).doc("share-test-draft").delete();
});

describe("shared selection links", () => {
  it("carry the selection's title, government, posts and registration dates as Open Graph tags", async () => {
    const response = await fetch(`${site}/seleksi/metro-2021-jpt`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<meta property="og:title" content="${METRO.title}" />`);
    expect(html).toContain("Pemerintah Kota Metro · 5 jabatan lowong · Pendaftaran 20 September 2021 – 4 Oktober 2021");
    expect(html).toContain('<div id="app"></div>'); // still the app for people who open it
  });

  it("say nothing of a selection that is not announced", async () => {
    const html = await (await fetch(`${site}/seleksi/share-test-draft`)).text();
    expect(html).not.toContain("Draf rahasia");
    expect(html).toContain('<div id="app"></div>');
  });
});
