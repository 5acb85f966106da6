/**
 * What a reader sees of the rules that keep documents trustworthy: a pengumuman revoked when its
 * selection was cancelled verifies as "dicabut" with the date and the reason, for anyone who scans
 * its QR code; and an official of Kota Pontianak 2024 (an acting mayor, a regional election ahead)
 * reads on the selection page that installing the chosen candidates needs the Minister's approval.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDateId, toIsoDate } from "../../functions/src/domain/calendar.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { DocumentRecord } from "../../functions/src/domain/documents/record.js";
import { db } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { useDemoSite } from "../support/demoSite.js";
import { signIn } from "../support/session.js";
import { uniqueSuffix } from "../support/callables.js";
import { DEFAULT_PROFILE } from "../../functions/src/domain/regulation/profiles.js";
import { electionWindow } from "../../functions/src/domain/selection/appointment.js";
import { TODAY } from "../../seed/metro2021.js";

const demo = useDemoSite();

describe("documents that stay trustworthy, on a phone", () => {
  it("shows a revoked pengumuman as dicabut, with the date and the reason, to an anonymous reader", async () => {
    const documentId = `e2e-dicabut-${uniqueSuffix()}-pengumuman-v1`;
    const reason = "Seleksi dibatalkan karena penataan perangkat daerah";
    const revoked: DocumentRecord = {
      instansiId: "kota-metro",
      instansiName: "Pemerintah Kota Metro",
      selectionId: "metro-2021-jpt",
      selectionTitle: "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Kota Metro Tahun 2021",
      kind: "pengumuman",
      number: "017/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021",
      version: 1,
      issuedOn: "2021-09-20",
      status: "revoked",
      sha256: "a".repeat(64),
      size: 1000,
      fileId: documentId,
      fileName: "pengumuman.pdf",
      supersedes: null,
      supersededBy: null,
      issuedAt: "2021-09-20T01:00:00.000Z",
      revokedOn: "2021-10-01",
      revokedReason: reason,
    };
    await db.collection(COLLECTIONS.documents).doc(documentId).set(revoked);

    const page = await (await phoneContext(demo.browser)).newPage();
    await page.goto(`${demo.site}/verifikasi/${documentId}`);
    await expect
      .poll(() => page.getByTestId("document-revoked").textContent())
      .toBe(`Dicabut pada 1 Oktober 2021: ${reason}`);
    expect(await page.locator(".notice--success").count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, "verify-revoked-360.png"), fullPage: true });
  });

  it("tells Pontianak's operator that the appointment needs the Minister's written approval", async () => {
    const page = await (await phoneContext(demo.browser)).newPage();
    await signIn(page, "operator@pontianak.demo", "/operator");
    await page.goto(`${demo.site}/kelola/pontianak-2024-jpt`);
    // The seed moves Pontianak's calendar with its selection to the day it runs (seed/metro2021.ts).
    const seeded = TODAY.instansi["kota-pontianak"]!;
    const acting = seeded.actingHeads[0]!;
    const election = electionWindow(seeded.elections[0]!, DEFAULT_PROFILE)!;
    await expect
      .poll(() => page.getByTestId("appointment-actingHead").textContent())
      .toBe(
        `Kepala daerah dijabat Penjabat (${formatDateId(acting.from)} s.d. ${formatDateId(acting.to)}): setiap pengangkatan perlu persetujuan tertulis Menteri Dalam Negeri (PP No. 49 Tahun 2008 Pasal 132A).`,
      );
    expect(await page.getByTestId("appointment-electionWindow").textContent()).toContain(
      `(${formatDateId(toIsoDate(election.from))} s.d. ${formatDateId(toIsoDate(election.to))})`,
    );
  });
});
