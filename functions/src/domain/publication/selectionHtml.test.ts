import { describe, expect, it } from "vitest";
import { SELECTIONS } from "../../../../seed/metro2021.js";
import { PAGE_DATA_ID } from "./pageData.js";
import { publicProjectionOf } from "./projection.js";
import { withSelectionPage } from "./selectionHtml.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const SHELL = `<!doctype html><html lang="id"><head><title>Seleksi</title><script type="module" src="/assets/index.js"></script></head><body><div id="app"></div></body></html>`;

function projection(overrides: Partial<typeof METRO> = {}) {
  const p = publicProjectionOf(
    { ...METRO, ...overrides },
    { announcement: { documentId: "metro-2021-jpt-pengumuman-v1", number: "800/001/PENG/2021" } },
  );
  if (!p) throw new Error("Kota Metro 2021 is announced");
  return p;
}

function page(overrides: Partial<typeof METRO> = {}) {
  const p = projection(overrides);
  return withSelectionPage(SHELL, "metro-2021-jpt", p.summary, p.detail);
}

describe("withSelectionPage", () => {
  it("puts the announcement's text into the app's root, readable without JavaScript", () => {
    const html = page();
    expect(html).toContain(`<h1>${METRO.title}</h1>`);
    expect(html).toContain("Kepala Badan Perencanaan Pembangunan Daerah");
    expect(html).toContain("Pengumuman dan pendaftaran");
    expect(html).toContain("<td>20 September 2021 – 4 Oktober 2021</td>");
    expect(html).toContain("Nomor pengumuman: 800/001/PENG/2021");
    expect(html).toContain('href="/verifikasi/metro-2021-jpt-pengumuman-v1"');
    expect(html).toContain(METRO.legalBasis[0]);
    expect(html).toContain('<script type="module" src="/assets/index.js"></script>');
  });

  it("hands the PWA the data it rendered, as inert JSON", () => {
    const html = page();
    const json = new RegExp(`<script type="application/json" id="${PAGE_DATA_ID}">(.*?)</script>`).exec(html)?.[1];
    const data = JSON.parse(json ?? "null") as { id: string; summary: { title: string } };
    expect(data.id).toBe("metro-2021-jpt");
    expect(data.summary.title).toBe(METRO.title);
  });

  it("escapes what the operator typed, in the markup and in the JSON", () => {
    const html = page({ title: "Seleksi </script><script>alert(1)</script> $' $&" });
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("<h1>Seleksi &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; $&#39; $&amp;</h1>");
    expect(html.match(/<body>/g)).toHaveLength(1);
    expect(html.match(/<div id="app">/g)).toHaveLength(1);
  });

  it("leaves a page without the app's root alone", () => {
    const p = projection();
    expect(withSelectionPage("<html></html>", "x", p.summary, p.detail)).toBe("<html></html>");
  });
});
