import { describe, expect, it } from "vitest";
import { buildAnnouncement, formatSizeKb, placeOf, type AnnouncementSection } from "./announcement.js";
import { parseNip } from "../nip.js";
import {
  METRO_NUMBER,
  METRO_SELECTION,
  metroAnnouncementInput,
} from "../../../../test/fixtures/metro2021Announcement.js";

type SectionOf<I extends AnnouncementSection["id"]> = Extract<AnnouncementSection, { id: I }>;

function section<I extends AnnouncementSection["id"]>(
  model: ReturnType<typeof buildAnnouncement>,
  id: I,
): SectionOf<I> {
  const found = model.sections.find((s): s is SectionOf<I> => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

const metro = buildAnnouncement(metroAnnouncementInput());

describe("the Kota Metro 2021 pengumuman", () => {
  it("has the letterhead of the instansi", () => {
    expect(metro.letterhead).toEqual({
      government: "PEMERINTAH KOTA METRO",
      agency: "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA (BKPSDM) KOTA METRO",
      contact: "Jl. A.H. Nasution No. 5, Metro Pusat, Kota Metro, Lampung \u00b7 Laman: metrokota.go.id",
    });
  });

  it("has the title block with the number", () => {
    expect(METRO_NUMBER).toBe("007/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021");
    expect(metro.title).toEqual({
      heading: "PENGUMUMAN",
      number: "NOMOR: 007/PENG/PANSEL-JPT/BKPSDM-MTR/IX/2021",
      about: "TENTANG",
      subject: "SELEKSI TERBUKA JABATAN PIMPINAN TINGGI PRATAMA KOTA METRO TAHUN 2021",
    });
    expect(metro.number).toBe(METRO_NUMBER);
  });

  it("lists the legal basis under Dasar", () => {
    expect(metro.basis.heading).toBe("Dasar");
    expect(metro.basis.items).toEqual(METRO_SELECTION.legalBasis);
    expect(metro.basis.items[0]).toMatch(/^Undang-Undang Nomor 5 Tahun 2014/);
  });

  it("opens with who may apply", () => {
    expect(metro.opening).toContain("Pemerintah Kota Metro");
    expect(metro.opening).toContain("Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Kota Metro Tahun 2021");
    expect(metro.opening).toContain("ASN di lingkungan Provinsi Lampung");
  });

  it("orders its sections and letters none that is empty", () => {
    expect(metro.sections.map((s) => s.id)).toEqual(["posts", "conditions", "documents", "schedule", "contact"]);
  });

  it("has a row per post with the requirements in words", () => {
    const posts = section(metro, "posts").table;
    expect(posts.columns.map((c) => c.label)).toEqual([
      "No.",
      "Jabatan",
      "Unit kerja",
      "Pangkat/golongan paling rendah",
      "Pendidikan paling rendah",
      "Pengalaman paling singkat",
      "Usia paling tinggi",
    ]);
    expect(posts.rows.map((r) => r.post)).toEqual([
      "Asisten Pemerintahan dan Kesejahteraan Rakyat (Asisten I)",
      "Kepala Badan Perencanaan Pembangunan Daerah",
      "Kepala Dinas Pendidikan dan Kebudayaan",
      "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
      "Kepala Dinas Perumahan dan Permukiman",
    ]);
    expect(posts.rows[1]).toEqual({
      no: "2.",
      post: "Kepala Badan Perencanaan Pembangunan Daerah",
      opd: "Bappeda",
      minRank: "Pembina, IV/a",
      education: "S1/D-IV",
      experience: "2 tahun dalam jabatan administrator atau JPT\n5 tahun di bidang tugas terkait",
      maxAge: "56 tahun",
    });
  });

  it("prints conditions common to every post once", () => {
    const items = section(metro, "conditions").items;
    expect(items).toContain("Sehat jasmani dan rohani");
    expect(new Set(items).size).toBe(items.length);
    expect(items.some((i) => i.includes("khusus"))).toBe(false);
  });

  it("has the document checklist with status, formats and size", () => {
    const docs = section(metro, "documents").table;
    expect(docs.rows.length).toBeGreaterThanOrEqual(5);
    expect(docs.rows).toContainEqual({
      no: "3.",
      document: "SK pangkat terakhir",
      required: "Wajib",
      formats: "PDF, JPG, PNG",
      maxSize: "2 MB",
    });
    expect(docs.rows.find((r) => r.document.includes("LHKPN"))?.required).toBe("Bila ada");
  });

  it("has the schedule with Indonesian stage names and dates", () => {
    const rows = section(metro, "schedule").table.rows;
    expect(rows[0]).toEqual({
      no: "1.",
      stage: "Pengumuman dan pendaftaran",
      dates: "20 September 2021 \u2013 4 Oktober 2021",
    });
    expect(rows.map((r) => r.stage)).toContain("Wawancara akhir");
    expect(rows.at(-1)).toEqual({
      no: "9.",
      stage: "Laporan kepada PPK",
      dates: "15 November 2021 \u2013 16 November 2021",
    });
  });

  it("gives the contact", () => {
    expect(section(metro, "contact").lines).toEqual([
      "Sekretariat Panitia Seleksi, BKPSDM Kota Metro",
      "Telepon: (0725) 41234",
      "Email: pansel.jpt@metrokota.demo",
      "Alamat: Jl. A.H. Nasution No. 5, Metro Pusat, Kota Metro",
    ]);
  });

  it("is signed at Metro on the issue date by the ketua pansel", () => {
    expect(metro.placeDate).toBe("Metro, 20 September 2021");
    expect(metro.signatory).toEqual({
      title: ["Ketua Panitia Seleksi", "Jabatan Pimpinan Tinggi Pratama Kota Metro"],
      name: "Drs. H. Bambang Irawan, M.M.",
      nip: "NIP 19680512 199403 1 007",
    });
    // The fixture's NIP is made up but valid, as the demo data's are.
    expect(parseNip("196805121994031007", { year: 2021, month: 9, day: 20 }).ok).toBe(true);
  });

  it("carries the verification link, caption and page label", () => {
    expect(metro.verify).toEqual({
      url: "https://seleksi.metrokota.demo/verifikasi/pengumuman-metro-2021-jpt-v1",
      caption: "Pindai untuk memeriksa keaslian dokumen ini",
    });
    expect(metro.pageTemplate).toBe("Halaman {page} dari {pages}");
  });

  it("is the same for the same input", () => {
    expect(buildAnnouncement(metroAnnouncementInput())).toEqual(metro);
  });
});

describe("buildAnnouncement with other setups", () => {
  const base = metroAnnouncementInput();
  const [first, second] = METRO_SELECTION.posts;
  if (!first || !second) throw new Error("the seed has posts");

  it("says which posts ask for a condition or a document that not all ask for", () => {
    const special = {
      ...second,
      requirements: {
        ...second.requirements,
        extraConditions: [...second.requirements.extraConditions, "Memiliki sertifikat perencana"],
        documents: [
          ...second.requirements.documents,
          {
            id: "sertifikat-perencana",
            label: "Sertifikat perencana",
            required: true,
            formats: ["pdf" as const],
            maxSizeKb: 1536,
          },
        ],
      },
    };
    const model = buildAnnouncement({ ...base, setup: { ...base.setup, posts: [first, special] } });
    expect(section(model, "conditions").items).toContain("Memiliki sertifikat perencana (khusus Bappeda)");
    expect(section(model, "documents").table.rows.at(-1)).toMatchObject({
      document: "Sertifikat perencana (khusus Bappeda)",
      maxSize: "1,5 MB",
    });
  });

  it("leaves out sections with nothing to say", () => {
    const bare = first.requirements;
    const model = buildAnnouncement({
      ...base,
      setup: {
        ...base.setup,
        posts: [{ ...first, requirements: { ...bare, extraConditions: [], documents: [] } }],
        schedule: {},
        contact: { name: "", phone: "", email: "", address: "" },
      },
    });
    expect(model.sections.map((s) => s.id)).toEqual(["posts"]);
  });

  it("prints a dash when no experience is required, and the NIP as typed when it is not 18 digits", () => {
    const model = buildAnnouncement({
      ...base,
      setup: {
        ...base.setup,
        posts: [{ ...first, requirements: { ...first.requirements, minYearsInPost: 0, minYearsRelevant: 0 } }],
      },
      signatory: { name: "Ir. Rusdi Hartono, M.T.", title: "Sekretaris Panitia Seleksi", nip: "-" },
    });
    expect(section(model, "posts").table.rows[0]?.experience).toBe("\u2013");
    expect(model.signatory).toEqual({
      title: ["Sekretaris Panitia Seleksi"],
      name: "Ir. Rusdi Hartono, M.T.",
      nip: "NIP -",
    });
  });

  it("has no NIP line when none is given, and takes the place when given", () => {
    const model = buildAnnouncement({ ...base, signatory: { name: "A", title: "B" }, place: "Metro Pusat" });
    expect(model.signatory.nip).toBeUndefined();
    expect(model.placeDate).toBe("Metro Pusat, 20 September 2021");
  });

  it("rejects an issue date that does not exist", () => {
    expect(() => buildAnnouncement({ ...base, issuedOn: "2021-09-31" })).toThrow(RangeError);
  });
});

describe("helpers", () => {
  it.each([
    ["Kota Metro", "Metro"],
    ["Kabupaten Lampung Tengah", "Lampung Tengah"],
    ["Kota Pontianak", "Pontianak"],
    ["Metro", "Metro"],
  ])("the place of %s is %s", (name, place) => {
    expect(placeOf(name)).toBe(place);
  });

  it.each([
    [500, "500 KB"],
    [1024, "1 MB"],
    [1536, "1,5 MB"],
    [10240, "10 MB"],
  ])("%i KB is written %s", (kb, text) => {
    expect(formatSizeKb(kb)).toBe(text);
  });
});
