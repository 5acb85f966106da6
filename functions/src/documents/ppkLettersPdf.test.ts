import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import {
  buildFinalReport,
  buildProposalLetter,
  ppkTitleOf,
  type FinalReportSnapshot,
  type ProposalSnapshot,
} from "../domain/documents/ppkLetters.js";
import { INSTANSI, SELECTIONS } from "../../../seed/metro2021.js";
import { renderAnnouncementPdf, sha256Hex } from "./announcementPdf.js";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const HASH = "cd".repeat(32);
const finalists = [
  { rank: 1, name: "Dr. Hendra Saputra, S.T., M.T.", nip: "197501122000031***", total: "87,50" },
  { rank: 2, name: "Sri Wahyuni, S.E., M.M.", nip: "197808152002122***", total: "84,25" },
  { rank: 3, name: "Ir. Bambang Irawan", nip: "197203031998031***", total: "80,00" },
];
const common = {
  instansi: INSTANSI["kota-metro"]!,
  title: METRO.title,
  legalBasis: METRO.legalBasis,
  selectionId: "metro-2021-jpt",
  issuedOn: "2021-11-15",
  cancelled: ["Kepala Pelaksana BPBD"],
  signatory: {
    name: "Drs. Ketua Pansel, M.Si.",
    title: "Ketua Panitia Seleksi\nJabatan Pimpinan Tinggi Pratama Kota Metro",
  },
  verifyUrl: "https://seleksi.example/verifikasi/metro-2021-jpt-usulanPpk-v1",
};

const proposal: ProposalSnapshot = {
  ...common,
  kind: "usulanPpk",
  number: "021/USUL/PANSEL-JPT/BKPSDM-MTR/XI/2021",
  ppk: ppkTitleOf(INSTANSI["kota-metro"]!),
  posts: [
    { name: "Kepala Bappeda", opd: "Bappeda", finalists, rankingSha256: HASH, governorCite: null },
    {
      name: "Sekretaris Daerah Kota Metro",
      opd: "Setda",
      finalists,
      rankingSha256: "ef".repeat(32),
      governorCite: "UU No. 23 Tahun 2014 Pasal 214 ayat (2)",
    },
  ],
};

const report: FinalReportSnapshot = {
  ...common,
  kind: "laporanAkhir",
  number: "025/LAP/PANSEL-JPT/BKPSDM-MTR/XI/2021",
  authority: {
    name: "Kepala Badan Kepegawaian Negara",
    short: "BKN",
    cite: "Permenpan RB No. 15 Tahun 2019",
    authorityCite: "UU No. 20 Tahun 2023 tentang Aparatur Sipil Negara",
  },
  deadline: { chosenOn: "2021-11-25", dueOn: "2021-12-02", days: 7, cite: "Permenpan RB No. 15 Tahun 2019" },
  stages: [
    { stage: "pendaftaran", start: "2021-09-20", end: "2021-10-04", enteredOn: "2021-09-20" },
    { stage: "penetapan", start: null, end: null, enteredOn: "2021-11-20" },
  ],
  pansel: METRO.pansel.map((m) => ({
    name: m.name,
    position: m.position,
    origin: m.origin,
    affiliation: m.affiliation,
  })),
  counts: { applicants: 12, ms: 10, ranked: 8 },
  posts: [
    {
      name: "Kepala Bappeda",
      opd: "Bappeda",
      finalists,
      rankingSha256: HASH,
      choice: { name: finalists[0]!.name, rank: 1, reason: "", chosenOn: "2021-11-24" },
    },
    {
      name: "Kepala Disdikbud",
      opd: "Disdikbud",
      finalists,
      rankingSha256: HASH,
      choice: {
        name: finalists[1]!.name,
        rank: 2,
        reason: "Pengalaman memimpin program wajib belajar di daerah tertinggal.",
        chosenOn: "2021-11-25",
      },
    },
  ],
  documents: [
    { kind: "pengumuman", number: "001/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021", issuedOn: "2021-09-20" },
    { kind: "usulanPpk", number: "021/USUL/PANSEL-JPT/BKPSDM-MTR/XI/2021", issuedOn: "2021-11-15" },
  ],
  receipts: 12,
};

async function textOf(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("the letter proposing the 3 besar", { timeout: 30_000 }, () => {
  it("is addressed to the PPK, lists each post's finalists in rank order with totals and the ranking's SHA-256", async () => {
    const text = await textOf(await renderAnnouncementPdf(buildProposalLetter(proposal)));
    expect(text).toContain("SURAT USULAN");
    expect(text).toContain(`NOMOR: ${proposal.number}`);
    expect(text).toContain("Wali Kota Metro");
    expect(text).toContain("selaku Pejabat Pembina Kepegawaian");
    const at = (s: string) => text.indexOf(s);
    expect(at("Dr. Hendra Saputra")).toBeLessThan(at("Sri Wahyuni"));
    expect(at("Sri Wahyuni")).toBeLessThan(at("Ir. Bambang Irawan"));
    for (const total of ["87,50", "84,25", "80,00"]) expect(text).toContain(total);
    expect(text).toContain(HASH);
    expect(text).toContain("ef".repeat(32));
    expect(text).toContain("Drs. Ketua Pansel, M.Si.");
  });

  it("says the Sekda's names go to the governor first, and names the cancelled post as not proposed", async () => {
    const text = await textOf(await renderAnnouncementPdf(buildProposalLetter(proposal)));
    expect(text).toContain("dikonsultasikan terlebih dahulu kepada gubernur");
    expect(text).toContain("UU No. 23 Tahun 2014 Pasal 214 ayat (2)");
    expect(text.match(/kepada gubernur/g)).toHaveLength(1);
    expect(text).toContain("tidak diusulkan: Kepala Pelaksana BPBD");
  });

  it("renders the same bytes from the same snapshot", async () => {
    const a = await renderAnnouncementPdf(buildProposalLetter(proposal));
    const b = await renderAnnouncementPdf(buildProposalLetter(proposal));
    expect(sha256Hex(a)).toBe(sha256Hex(b));
  });

  it("names the PPK by the kind of government", () => {
    expect(ppkTitleOf({ name: "Pemerintah Kabupaten Pesawaran", shortName: "Kabupaten Pesawaran" })).toBe(
      "Bupati Pesawaran",
    );
    expect(ppkTitleOf({ name: "Pemerintah Provinsi Lampung", shortName: "Provinsi Lampung" })).toBe("Gubernur Lampung");
  });
});

describe("the final selection report", { timeout: 30_000 }, () => {
  it("prints the process, the pansel, the counts, the choices with the reason, the documents and the deadline", async () => {
    const text = await textOf(await renderAnnouncementPdf(buildFinalReport(report)));
    expect(text).toContain("LAPORAN AKHIR SELEKSI");
    expect(text).toContain("Kepala Badan Kepegawaian Negara");
    expect(text).toContain("UU No. 20 Tahun 2023");
    expect(text).toContain("20 September 2021");
    for (const m of METRO.pansel) expect(text).toContain(m.name);
    expect(text).toContain("Pelamar: 12");
    expect(text).toContain("Memenuhi syarat administrasi: 10");
    expect(text).toContain("Masuk peringkat akhir: 8");
    expect(text).toContain("Dr. Hendra Saputra, S.T., M.T. (peringkat 1)");
    expect(text).toContain("Sri Wahyuni, S.E., M.M. (peringkat 2)");
    expect(text).toContain("Alasan memilih selain peringkat pertama: Pengalaman memimpin program wajib belajar");
    // The first-ranked choice has no reason line: one reason in the whole report.
    expect(text.match(/Alasan memilih selain/g)).toHaveLength(1);
    expect(text).toContain("001/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021");
    expect(text).toContain("Surat usulan tiga besar");
    expect(text).toContain("Tanda bukti pendaftaran yang diterbitkan: 12");
    expect(text).toContain("disampaikan kepada BKN paling lambat 2 Desember 2021, yaitu 7 hari");
    expect(text).toContain("Permenpan RB No. 15 Tahun 2019");
  });
});
