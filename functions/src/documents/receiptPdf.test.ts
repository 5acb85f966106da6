import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { buildReceipt, localTime, receiptSnapshot, type ReceiptSnapshot } from "../domain/documents/receipt.js";
import { receiptDocumentId, receiptFileName } from "../domain/documents/record.js";
import { INSTANSI } from "../../../seed/metro2021.js";
import { renderAnnouncementPdf, sha256Hex } from "./announcementPdf.js";

const NUMBER = "041/TB/PANSEL-JPT/BKPSDM-MTR/IX/2021";

const snapshot: ReceiptSnapshot = receiptSnapshot.parse({
  kind: "tandaBukti",
  instansi: INSTANSI["kota-metro"],
  timeZone: "Asia/Jakarta",
  selectionId: "metro-2021-jpt",
  selectionTitle: "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Kota Metro Tahun 2021",
  applicationId: "metro-2021-jpt_bappeda_uid01",
  candidateUid: "uid01",
  candidate: { name: "Drs. Ahmad Fauzi, M.Si.", nip: "197203151998031004" },
  post: { name: "Kepala Badan Perencanaan Pembangunan Daerah", opd: "Bappeda" },
  submittedAt: "2021-10-04T16:59:00.000Z",
  documents: [
    { label: "Ijazah terakhir", fileName: "ijazah-s2.pdf" },
    { label: "SK pangkat terakhir", fileName: "sk-iv-b.jpg" },
  ],
  number: NUMBER,
  issuedOn: "2021-10-04",
  signatory: {
    name: "Dr. Ir. Hendra Wijaya, M.T.",
    title: "Ketua Panitia Seleksi\nJabatan Pimpinan Tinggi Pratama Kota Metro",
  },
  verifyUrl: "https://seleksi.example.go.id/verifikasi/metro-2021-jpt_bappeda_uid01-tandaBukti",
});

describe("the registration receipt", { timeout: 60_000 }, () => {
  it("says the time of the lock in the government's zone", () => {
    // 16:59 UTC is 23:59 WIB on the last day: in time, and printed as the candidate saw it.
    expect(localTime("2021-10-04T16:59:00.000Z", "Asia/Jakarta")).toEqual({ date: "2021-10-04", time: "23.59" });
    expect(localTime("2021-10-04T16:59:00.000Z", "Asia/Jayapura")).toEqual({ date: "2021-10-05", time: "01.59" });
  });

  it("is a model with the applicant, the post, the documents and the QR code's address", () => {
    const model = buildReceipt(snapshot);
    expect(model.title.heading).toBe("TANDA BUKTI PENDAFTARAN");
    expect(model.sections.map((s) => s.id)).toEqual(["applicant", "receiptDocuments"]);
    const applicant = model.sections[0];
    expect(applicant?.kind === "lines" && applicant.lines).toEqual([
      "Nama: Drs. Ahmad Fauzi, M.Si.",
      "NIP 19720315 199803 1 004",
      "Jabatan yang dilamar: Kepala Badan Perencanaan Pembangunan Daerah",
      "Unit kerja: Bappeda",
      "Dikirim: 4 Oktober 2021 pukul 23.59 WIB",
    ]);
    expect(model.verify.url).toBe(snapshot.verifyUrl);
    expect(receiptDocumentId(snapshot.applicationId)).toBe("metro-2021-jpt_bappeda_uid01-tandaBukti");
    expect(receiptFileName(NUMBER)).toBe("tanda-bukti-041-TB-PANSEL-JPT-BKPSDM-MTR-IX-2021.pdf");
  });

  it("renders to the same PDF bytes every time, with the number and the names printed", async () => {
    const [a, b] = await Promise.all([
      renderAnnouncementPdf(buildReceipt(snapshot)),
      renderAnnouncementPdf(buildReceipt(snapshot)),
    ]);
    expect(a.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(sha256Hex(a)).toBe(sha256Hex(b));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(a)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    for (const words of [
      NUMBER,
      "Drs. Ahmad Fauzi, M.Si.",
      "ijazah-s2.pdf",
      "Kepala Badan Perencanaan Pembangunan Daerah",
    ]) {
      expect(flat).toContain(words);
    }
  });
});
