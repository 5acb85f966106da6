import { describe, expect, it } from "vitest";
import { buildAdministrativeResult, type ResultSnapshot } from "./administrativeResult.js";

const SNAPSHOT: ResultSnapshot = {
  kind: "hasilAdministrasi",
  instansi: {
    name: "Pemerintah Kota Metro",
    shortName: "Kota Metro",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    address: "Jl. A.H. Nasution No. 5",
    website: "metrokota.go.id",
  },
  title: "Seleksi Terbuka JPT Pratama Kota Metro 2021",
  legalBasis: ["UU No. 5 Tahun 2014"],
  selectionId: "metro-2021",
  number: "012/PENG/PANSEL-JPT/METRO/X/2021",
  issuedOn: "2021-10-11",
  objectionLastDay: "2021-10-14",
  posts: [
    { name: "Asisten Pemerintahan", opd: "Setda", candidates: [{ name: "Ani", nip: "197806********1004" }] },
    { name: "Kepala Bappeda", opd: "Bappeda", candidates: [] },
  ],
  signatory: { name: "Dr. Ketua", title: "Ketua Panitia Seleksi" },
  verifyUrl: "https://seleksi.example.go.id/verifikasi/metro-2021-hasilAdministrasi-v1",
};

describe("the pengumuman of the administrative result", () => {
  const model = buildAdministrativeResult(SNAPSHOT);
  it("has one table per post with the MS candidates and their masked NIPs", () => {
    expect(model.sections.map((s) => s.heading)).toEqual(["Asisten Pemerintahan (Setda)", "Kepala Bappeda (Bappeda)"]);
    const [first, second] = model.sections;
    expect(first?.kind === "table" && first.table.rows).toEqual([{ no: "1", name: "Ani", nip: "197806********1004" }]);
    expect(second?.id === "result" && second.table.rows[0]?.name).toBe("Tidak ada peserta yang memenuhi syarat");
  });
  it("carries its number, the QR's address and the end of the objection window", () => {
    expect(model.title.number).toContain(SNAPSHOT.number);
    expect(model.verify.url).toBe(SNAPSHOT.verifyUrl);
    expect(model.closing).toContain("14 Oktober 2021");
  });
});
