import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { buildStageResult } from "../domain/documents/stageResult.js";
import { hundredths } from "../domain/scoring/postRanking.js";
import { CANDIDATES } from "../../../seed/metro2021.js";
import {
  publicationOf,
  stageRanking,
  stageResultSnapshotOf,
  STAGE_RESULT_NUMBER,
} from "../../../test/fixtures/metro2021StageResult.js";
import { renderAnnouncementPdf, sha256Hex } from "./announcementPdf.js";

async function textOf(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

const final = stageRanking("pemeringkatan");
const name = (id: string) => final.candidates.find((c) => c.applicationId === id)!;
const surname = (id: string) => name(id).name.split(",")[0]!;

describe("the pengumuman hasil seleksi tahap", { timeout: 30_000 }, () => {
  it("names the 3 besar with masked NIPs, never an eliminated candidate, and no score by default", async () => {
    const snapshot = stageResultSnapshotOf("pemeringkatan", publicationOf("pemeringkatan", "none"));
    const text = await textOf(await renderAnnouncementPdf(buildStageResult(snapshot)));
    expect(text).toContain(`NOMOR: ${STAGE_RESULT_NUMBER}`);
    expect(text).toContain("tiga besar calon");
    for (const id of final.finalists) {
      expect(text).toContain(surname(id));
      expect(text).toContain(name(id).nip);
    }
    // The fourth and fifth, and the one out for a missed interview, are not named.
    for (const row of [...final.ranked.slice(3), ...final.eliminated])
      expect(text).not.toContain(surname(row.applicationId));
    // No full NIP anywhere, no total.
    for (const c of CANDIDATES.slice(0, 6)) expect(text).not.toContain(c.nip);
    for (const row of final.ranked) expect(text).not.toContain(hundredths(row.total));
    expect(text).not.toContain("Nilai total");
    expect(text).toContain("Peringkat akhir mencakup seluruh komponen penilaian.");
  });

  it("prints the rank and total only when the plan publishes them, and each component's points when asked", async () => {
    const totals = await textOf(
      await renderAnnouncementPdf(
        buildStageResult(stageResultSnapshotOf("pemeringkatan", publicationOf("pemeringkatan", "total"))),
      ),
    );
    expect(totals).toContain("Nilai total");
    for (const row of final.ranked.slice(0, 3)) expect(totals).toContain(hundredths(row.total));
    expect(totals).not.toContain("Penulisan makalah");
    const model = buildStageResult(
      stageResultSnapshotOf("pemeringkatan", publicationOf("pemeringkatan", "components")),
    );
    const table = model.sections[0]!;
    if (table.id !== "rekap") throw new Error("a table expected");
    expect(table.table.columns.map((c) => c.label)).toContain("Penulisan makalah dan presentasi");
    expect(table.table.rows[0]!["c1"]).toBe(hundredths(final.ranked[0]!.figures.points[1]!));
  });

  it("says an interim result is interim and which components it includes", async () => {
    const snapshot = stageResultSnapshotOf("kompetensiTeknis", publicationOf("kompetensiTeknis", "none"));
    const pdf = await renderAnnouncementPdf(buildStageResult(snapshot));
    const text = await textOf(pdf);
    expect(text).toContain("lolos seleksi tahap Kompetensi teknis (makalah dan presentasi)");
    expect(text).toContain(
      "Peringkat sementara; komponen yang dihitung: Asesmen kompetensi manajerial dan sosial kultural, Penulisan makalah dan presentasi.",
    );
    expect(sha256Hex(await renderAnnouncementPdf(buildStageResult(snapshot)))).toBe(sha256Hex(pdf));
  });
});
