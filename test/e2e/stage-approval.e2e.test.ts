/**
 * The stage machine through the phones of the people who use it: a BKPSDM operator of Kota Serang
 * proposes opening registration, the Sekda approves it from the inbox, and the public sees it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { SELECTIONS } from "../../seed/metro2021.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { projected } from "../support/projection.js";
import { signIn } from "../support/session.js";

const SERANG_ID = "serang-2026-jpt";
const SERANG = SELECTIONS[SERANG_ID]!;

const demo = useDemoSite();

describe("stage approval", () => {
  it("moves Kota Serang's selection to registration only after the Sekda approves, then issues its pengumuman", async () => {
    const operatorContext = await phoneContext(demo.browser);
    const operator = await operatorContext.newPage();
    await signIn(operator, "operator@serangkota.demo", "/operator");
    await operator.getByRole("link", { name: new RegExp(SERANG.title) }).click();
    await operator.waitForURL(`${demo.site}/kelola/${SERANG_ID}`);
    await expect.poll(() => operator.getByTestId("stage").textContent()).toBe("Tahap sekarang: Persiapan");

    await operator.getByRole("button", { name: "Usulkan pindah ke: Pengumuman dan pendaftaran" }).click();
    await expect
      .poll(() => operator.getByRole("status").allTextContents())
      .toContainEqual(
        expect.stringContaining("Menunggu persetujuan: pindah ke \u201cPengumuman dan pendaftaran\u201d"),
      );
    // While the Sekda reviews the proposal the draft cannot be deleted, and the page says why.
    expect(await operator.getByRole("button", { name: "Hapus draf" }).count()).toBe(0);
    expect(await operator.getByTestId("delete-draft-blocked").textContent()).toBe(
      "Draf yang usulannya masih menunggu keputusan tidak dapat dihapus.",
    );
    // Proposed is not moved: the public still cannot see it.
    const anonymous = await (await phoneContext(demo.browser)).newPage();
    await anonymous.goto(`${demo.site}/seleksi/${SERANG_ID}`);
    await expect
      .poll(() => anonymous.locator(".notice").textContent())
      .toBe("Seleksi tidak ditemukan atau belum diumumkan.");

    const pejabatContext = await phoneContext(demo.browser);
    const pejabat = await pejabatContext.newPage();
    await signIn(pejabat, "sekda@serangkota.demo", "/pejabat");
    const proposal = pejabat.getByTestId("proposal");
    await expect
      .poll(() => proposal.locator(".inbox__move").textContent())
      .toBe("Persiapan \u2192 Pengumuman dan pendaftaran");
    await pejabat.screenshot({ path: join(SCREENSHOTS, "pejabat-inbox-360.png"), fullPage: true });
    await proposal.getByRole("button", { name: "Setujui" }).click();
    await expect
      .poll(() => pejabat.getByRole("status").allTextContents())
      .toContainEqual("Disetujui. Tahap seleksi sekarang: Pengumuman dan pendaftaran.");

    // The operator's page follows live, with the approval in the timeline.
    await expect
      .poll(() => operator.getByTestId("stage").textContent())
      .toBe("Tahap sekarang: Pengumuman dan pendaftaran");
    await expect.poll(() => operator.getByTestId("timeline").locator("li").count()).toBe(2);
    expect(await operator.getByTestId("timeline").locator("li").first().textContent()).toContain(
      "menyetujui pindah ke \u201cPengumuman dan pendaftaran\u201d",
    );
    await operator.screenshot({ path: join(SCREENSHOTS, "operator-selection-360.png"), fullPage: true });

    // Registration is open: no post has applicants yet, and extending before the last day is refused.
    const registration = operator.getByTestId("registration");
    await expect
      .poll(() => registration.textContent())
      .toContain("Pelamar jabatan Kepala Dinas Sosial baru 0 orang (paling sedikit 4)");
    await registration.getByRole("button", { name: "Perpanjang pendaftaran 7 hari untuk 4 jabatan" }).click();
    await expect
      .poll(() => registration.locator(".notice--error").textContent())
      .toContain("Masa pendaftaran belum berakhir (hari terakhir 2026-12-21)");

    // And the public announcement page shows it, with its posts, requirements and schedule, once the
    // trigger has projected it.
    await projected(SERANG_ID, (p) => p?.stage === "pendaftaran");
    await anonymous.goto(`${demo.site}/seleksi/${SERANG_ID}`);
    await expect.poll(() => anonymous.locator("h1").textContent()).toBe(SERANG.title);
    expect(await anonymous.locator("li.post strong").allTextContents()).toEqual(SERANG.posts.map((p) => p.name));
    await anonymous.locator("li.post summary").first().click();
    expect(await anonymous.locator("li.post").first().textContent()).toContain("Pangkat paling rendah: Pembina, IV/a");
    expect(await anonymous.locator("table.schedule").textContent()).toContain("7 Desember 2026 – 21 Desember 2026");
    await anonymous.screenshot({ path: join(SCREENSHOTS, "public-serang-360.png"), fullPage: true });

    // The operator issues the numbered pengumuman; its QR code's page verifies it and its PDF.
    await operator.getByRole("button", { name: "Terbitkan pengumuman (PDF)" }).click();
    const issued = operator.locator(".notice--success");
    await expect
      .poll(() => issued.textContent())
      .toMatch(/^Pengumuman nomor \d{3}\/PENG\/PANSEL-JPT\/BKPSDM-SRG\/[IVX]+\/\d{4} \(versi 1\) diterbitkan\.$/);
    const number = /nomor (\S+)/.exec((await issued.textContent()) ?? "")?.[1] ?? "";
    await operator.getByRole("link", { name: "Halaman verifikasi" }).click();
    await operator.waitForURL(`${demo.site}/verifikasi/${SERANG_ID}-pengumuman-v1`);
    await expect
      .poll(() => operator.locator(".notice--success").textContent())
      .toBe("Berlaku: ini versi terbaru dokumen ini.");
    const facts = operator.getByTestId("document-facts");
    expect(await facts.textContent()).toContain(number);
    const hash = (await facts.locator(".hash").textContent()) ?? "";
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const [download] = await Promise.all([
      operator.waitForEvent("download"),
      operator.getByRole("button", { name: "Unduh PDF" }).click(),
    ]);
    const saved = join(SCREENSHOTS, "pengumuman-serang.pdf");
    await download.saveAs(saved);
    const pdf = readFileSync(saved);
    expect(createHash("sha256").update(pdf).digest("hex")).toBe(hash);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(number);
    for (const post of SERANG.posts) expect(flat).toContain(post.name);

    // A file someone forwarded can be checked on the phone against the record.
    await operator.getByLabel("Periksa berkas PDF yang Anda terima").setInputFiles(saved);
    await expect
      .poll(() => operator.locator(".notice--success").allTextContents())
      .toContain("Cocok: berkas ini sama persis dengan dokumen yang diterbitkan.");
    await operator.screenshot({ path: join(SCREENSHOTS, "verify-360.png"), fullPage: true });
    await operatorContext.close();
    await pejabatContext.close();
  });
});
