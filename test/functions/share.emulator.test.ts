/**
 * A shared link as a chat app's crawler (or a phone's first visit) fetches it: plain HTTP to the
 * hosting emulator, which hands /seleksi/{id} to the sharePage function. No JavaScript runs; the
 * tags and the announcement's text must be in the HTML. Also what Hosting adds to every answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { SELECTIONS } from "../../seed/metro2021.js";
import { db } from "../support/admin.js";
import { emulatorUrl } from "../support/emulators.js";
import { uniqueSuffix } from "../support/callables.js";
import { projected } from "../support/projection.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
/** A government of its own, so the drafts never show up in Kota Metro's lists. */
const TENANT = `kota-share-${uniqueSuffix()}`;
const DOLLAR = `share-dollar-${uniqueSuffix()}`;
const DOLLAR_TITLE = "Seleksi JPT $' $& $` Kota Contoh";
/** A projection that does not parse (written by hand, as a bug or a half-migrated field would). */
const BROKEN = `share-broken-${uniqueSuffix()}`;
let site: string;

beforeAll(async () => {
  site = await emulatorUrl("hosting");
  await db.collection(COLLECTIONS.selections).doc("metro-2021-jpt").set(METRO);
  await db
    .collection(COLLECTIONS.selections)
    .doc("share-test-draft")
    .set({ ...METRO, instansiId: TENANT, title: "Draf rahasia", stage: "persiapan", public: false, announcedAt: null });
  await db
    .collection(COLLECTIONS.selections)
    .doc(DOLLAR)
    .set({ ...METRO, instansiId: TENANT, title: DOLLAR_TITLE });
  // sharePage reads the projection, which the trigger writes.
  await projected("metro-2021-jpt", (p) => p?.title === METRO.title);
  await projected(DOLLAR, (p) => p?.title === DOLLAR_TITLE);
  await db.collection(COLLECTIONS.publicSelections).doc(BROKEN).set({ title: "Rusak", posts: "not a list" });
});

afterAll(async () => {
  // The functions' project is shared with the browser tests: leave no test selection behind.
  await db.collection(COLLECTIONS.selections).doc("share-test-draft").delete();
  await db.collection(COLLECTIONS.selections).doc(DOLLAR).delete();
  await db.collection(COLLECTIONS.publicSelections).doc(BROKEN).delete();
});

describe("shared selection links", () => {
  it("carry the selection's title, government, posts and registration dates as Open Graph tags", async () => {
    const response = await fetch(`${site}/seleksi/metro-2021-jpt`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<meta property="og:title" content="${METRO.title}" />`);
    expect(html).toContain("Pemerintah Kota Metro · 5 jabatan lowong · Pendaftaran 20 September 2021 – 4 Oktober 2021");
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[^"]+\.js"><\/script>/);
  });

  it("carry the announcement itself, rendered on the server from the public projection", async () => {
    const html = await (await fetch(`${site}/seleksi/metro-2021-jpt`)).text();
    expect(html).toContain(`<h1>${METRO.title}</h1>`);
    for (const post of METRO.posts) expect(html).toContain(`<strong>${post.name}</strong>`);
    expect(html).toContain("<td>20 September 2021 – 4 Oktober 2021</td>");
    expect(html).toContain('<script type="application/json" id="seleksi-page">');
    // Only the projection: nothing internal leaks into the page.
    expect(html).not.toContain("panselUids");
    expect(html).not.toContain("demo-pansel-metro");
  });

  it("keep a title with `$'` as typed instead of pasting the page twice", async () => {
    const html = await (await fetch(`${site}/seleksi/${DOLLAR}`)).text();
    expect(html.match(/<body>/g)).toHaveLength(1);
    expect(html.match(/<div id="app">/g)).toHaveLength(1);
    expect(html).toContain("<h1>Seleksi JPT $&#39; $&amp; $` Kota Contoh</h1>");
  });

  it("fall back to the plain app shell when the projection does not parse", async () => {
    const response = await fetch(`${site}/seleksi/${BROKEN}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("Rusak");
    expect(html).toContain('<div id="app"></div>');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[^"]+\.js"><\/script>/);
  });

  it("say nothing of a selection that is not announced", async () => {
    const html = await (await fetch(`${site}/seleksi/share-test-draft`)).text();
    expect(html).not.toContain("Draf rahasia");
    expect(html).toContain('<div id="app"></div>');
  });
});

describe("hosting", () => {
  it("answers a missing asset with 404, not the app's HTML", async () => {
    const response = await fetch(`${site}/assets/index-doesnotexist.js`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="app">');
    // An unknown page is still the app (client-side routes).
    expect((await fetch(`${site}/peserta`)).status).toBe(200);
  });

  it("forbids framing and restricts scripts on the app and on shared pages", async () => {
    for (const path of ["/", "/masuk", "/seleksi/metro-2021-jpt"]) {
      const response = await fetch(`${site}${path}`);
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
    }
  });
});
