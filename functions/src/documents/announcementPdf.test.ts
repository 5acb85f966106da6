import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { buildAnnouncement } from "../domain/documents/announcement.js";
import { renderAnnouncementPdf, sha256Hex } from "./announcementPdf.js";
import { METRO_NUMBER, METRO_SELECTION, metroAnnouncementInput } from "../../../test/fixtures/metro2021Announcement.js";

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  // Table cells wrap long names over lines; compare words, not line breaks.
  return { pages: totalPages, text: text.replace(/\s+/g, " ") };
}

const metroPdf = renderAnnouncementPdf(buildAnnouncement(metroAnnouncementInput()));

// Rendering embeds fonts and draws a QR code: well under a second, but not on a loaded CI machine.
describe("the pengumuman PDF", { timeout: 20_000 }, () => {
  it("is an A4 PDF", async () => {
    const pdf = await metroPdf;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const page = await doc.getPage(1);
    const [, , width, height] = page.view;
    expect([Math.round(width ?? 0), Math.round(height ?? 0)]).toEqual([595, 842]);
  });

  it("prints the five posts, the number and the dates", async () => {
    const { text } = await textOf(await metroPdf);
    expect(METRO_SELECTION.posts).toHaveLength(5);
    for (const post of METRO_SELECTION.posts) expect(text).toContain(post.name);
    expect(text).toContain(METRO_NUMBER);
    expect(text).toContain(`NOMOR: ${METRO_NUMBER}`);
    expect(text).toContain("20 September 2021 \u2013 4 Oktober 2021");
    expect(text).toContain("15 November 2021 \u2013 16 November 2021");
    expect(text).toContain("Metro, 20 September 2021");
  });

  it("prints the letterhead, requirements, signatory, QR caption and page numbers", async () => {
    const { pages, text } = await textOf(await metroPdf);
    expect(text).toContain("PEMERINTAH KOTA METRO");
    expect(text).toContain("Pembina, IV/a");
    expect(text).toContain("56 tahun");
    expect(text).toContain("Drs. H. Bambang Irawan, M.M.");
    expect(text).toContain("NIP 19680512 199403 1 007");
    expect(text).toContain("Pindai untuk memeriksa keaslian dokumen ini");
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Halaman ${page} dari ${pages}`);
  });

  it("embeds the font rather than relying on a standard one", async () => {
    const raw = (await metroPdf).toString("latin1");
    expect(raw).toMatch(/\/FontFile2 /);
    expect(raw).toContain("DejaVuSans");
    expect(raw).not.toContain("/Helvetica");
  });

  it("dates the file by its issue date", async () => {
    const doc = await getDocumentProxy(new Uint8Array(await metroPdf));
    const { info } = await doc.getMetadata();
    expect(info).toMatchObject({
      CreationDate: expect.stringMatching(/^D:20210920/),
      Subject: `Nomor: ${METRO_NUMBER}`,
      Author: "Pemerintah Kota Metro",
    });
  });

  it("gives the same bytes, hence the same SHA-256, for the same input", async () => {
    const again = await renderAnnouncementPdf(buildAnnouncement(metroAnnouncementInput()));
    expect(sha256Hex(again)).toBe(sha256Hex(await metroPdf));
    expect(sha256Hex(again)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives a different SHA-256 for a different number", async () => {
    const other = await renderAnnouncementPdf(
      buildAnnouncement(metroAnnouncementInput({ number: "008/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021" })),
    );
    expect(sha256Hex(other)).not.toBe(sha256Hex(await metroPdf));
  });

  it("breaks a long table over pages and numbers every page", async () => {
    const base = metroAnnouncementInput();
    const template = METRO_SELECTION.posts[3];
    if (!template) throw new Error("the seed has posts");
    const posts = Array.from({ length: 30 }, (_, i) => ({
      ...template,
      id: `post-${i + 1}`,
      name: `${template.name} Wilayah ${i + 1} dengan nama jabatan yang sangat panjang sehingga harus dilipat`,
    }));
    const pdf = await renderAnnouncementPdf(buildAnnouncement({ ...base, setup: { ...base.setup, posts } }));
    const { pages, text } = await textOf(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
    expect(text).toContain("Wilayah 30 dengan nama jabatan");
    // The header row is repeated on the pages the table continues on.
    expect(text.split("Pangkat/ golongan paling rendah").length - 1).toBeGreaterThanOrEqual(2);
  });
});
