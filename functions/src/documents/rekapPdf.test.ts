import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { buildRekap } from "../domain/documents/rekap.js";
import { hundredths } from "../domain/scoring/postRanking.js";
import { renderAnnouncementPdf, sha256Hex } from "./announcementPdf.js";
import { REKAP_NUMBER, rekapRanking, rekapSnapshotOf } from "../../../test/fixtures/metro2021Rekap.js";

const result = rekapRanking(6);
const snapshot = rekapSnapshotOf(result, "ab".repeat(32));
const pdf = renderAnnouncementPdf(buildRekap(snapshot));

async function textOf(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("the rekapitulasi nilai", { timeout: 30_000 }, () => {
  it("has a ranked table, an elimination, the 3 besar, the charts and the notes in the letter frame", () => {
    const model = buildRekap(snapshot);
    expect(model.title.heading).toBe("REKAPITULASI NILAI");
    expect(model.sections.map((s) => s.id)).toEqual(["rekap", "chart", "chart", "notes"]);
    const table = model.sections[0]!;
    if (table.id !== "rekap") throw new Error("the rekap table expected");
    expect(table.table.rows).toHaveLength(6);
    // The last candidate missed the interview: out with that reason, no rank.
    expect(table.table.rows.at(-1)).toMatchObject({ no: "\u2013", note: "Gugur: tidak mengikuti Wawancara akhir" });
    expect(table.table.rows[0]).toMatchObject({ no: "1", total: hundredths(result.ranked[0]!.total) });
    expect(table.table.rows[0]!["note"]).toContain("Tiga besar");
  });

  it("prints every candidate, their totals, the number and the ranking's SHA-256", async () => {
    const text = await textOf(await pdf);
    expect(text).toContain(`NOMOR: ${REKAP_NUMBER}`);
    expect(text).toContain("REKAPITULASI NILAI");
    for (const c of result.candidates) expect(text).toContain(c.name.split(",")[0]!);
    for (const row of result.ranked) expect(text).toContain(hundredths(row.total));
    expect(text).toContain("Gugur: tidak mengikuti Wawancara akhir");
    expect(text).toContain("ab".repeat(32));
    expect(text).toContain("Batas 3 besar");
  });

  it("renders the same bytes from the same snapshot", async () => {
    const again = await renderAnnouncementPdf(buildRekap(snapshot));
    expect(sha256Hex(again)).toBe(sha256Hex(await pdf));
  });
});
