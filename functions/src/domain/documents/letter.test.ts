import { describe, expect, it } from "vitest";
import { letter, placeOf, printedNip, type LetterInput } from "./letter.js";

const INPUT: LetterInput = {
  instansi: {
    name: "Pemerintah Kota Metro",
    shortName: "Kota Metro",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    address: "Jl. A.H. Nasution No. 5",
    website: "metrokota.go.id",
  },
  selectionId: "metro-2021",
  number: "012/PENG/PANSEL-JPT/METRO/X/2021",
  issuedOn: "2021-10-11",
  verifyUrl: "https://seleksi.example.go.id/verifikasi/x",
  heading: "Pengumuman",
  metaTitle: "Pengumuman Seleksi",
  subject: "Seleksi Terbuka JPT Pratama",
  basis: ["UU No. 5 Tahun 2014", "  ", "PP No. 11 Tahun 2017"],
  opening: "Dengan ini diumumkan",
  sections: [],
  closing: "Demikian.",
  signatory: { name: "Dr. Ketua", title: "Ketua Panitia Seleksi\n Kota Metro", nip: "197203121998031004" },
};

describe("the frame of every official letter", () => {
  const model = letter(INPUT);
  it("prints the government's letterhead in capitals with its address and website", () => {
    expect(model.letterhead.government).toBe("PEMERINTAH KOTA METRO");
    expect(model.letterhead.contact).toContain("Jl. A.H. Nasution No. 5");
    expect(model.letterhead.contact).toContain("metrokota.go.id");
  });
  it("numbers the title block and drops blank lines of the legal basis", () => {
    expect(model.title.heading).toBe("PENGUMUMAN");
    expect(model.title.number.endsWith(INPUT.number)).toBe(true);
    expect(model.title.subject).toBe("SELEKSI TERBUKA JPT PRATAMA");
    expect(model.basis.items).toEqual(["UU No. 5 Tahun 2014", "PP No. 11 Tahun 2017"]);
  });
  it("signs at the government's place, with the title's lines and the NIP in groups", () => {
    expect(model.placeDate).toBe("Metro, 11 Oktober 2021");
    expect(model.signatory).toEqual({
      title: ["Ketua Panitia Seleksi", "Kota Metro"],
      name: "Dr. Ketua",
      nip: "NIP 19720312 199803 1 004",
    });
    expect(letter({ ...INPUT, place: "Bandar Lampung" }).placeDate).toBe("Bandar Lampung, 11 Oktober 2021");
    expect(letter({ ...INPUT, signatory: { name: "X", title: "Y" } }).signatory).not.toHaveProperty("nip");
  });
  it("refuses a date that does not exist", () => {
    expect(() => letter({ ...INPUT, issuedOn: "2021-02-30" })).toThrow();
  });
  it("shortens the place and prints a malformed NIP as written", () => {
    expect(placeOf("Kabupaten Lampung Tengah")).toBe("Lampung Tengah");
    expect(printedNip(" 1972-03 ")).toBe("NIP 1972-03");
  });
});
