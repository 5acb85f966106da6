/**
 * Sensible defaults for a new selection, so an operator on a phone starts from a complete, legal
 * plan and only changes what differs. Values follow common practice in JPT Pratama announcements;
 * every one of them is editable per selection.
 */
import type { CalendarDate } from "../calendar.js";
import type { RegulationProfile } from "../regulation/profile.js";
import { DEFAULT_PROFILE, PROFILES, profileInForce } from "../regulation/profiles.js";
import type { DocumentRequirement, PostRequirements, ScoringComponent, ScoringPlan, SelectionSetup } from "./setup.js";

type Rubric = NonNullable<ScoringComponent["rubric"]>;

export const DEFAULT_DOCUMENTS: readonly DocumentRequirement[] = [
  {
    id: "surat-lamaran",
    label: "Surat lamaran kepada Ketua Panitia Seleksi",
    required: true,
    formats: ["pdf"],
    maxSizeKb: 1024,
  },
  { id: "daftar-riwayat-hidup", label: "Daftar riwayat hidup", required: true, formats: ["pdf"], maxSizeKb: 1024 },
  { id: "sk-pangkat", label: "SK pangkat terakhir", required: true, formats: ["pdf", "jpg", "png"], maxSizeKb: 2048 },
  {
    id: "sk-jabatan",
    label: "SK jabatan terakhir dan berita acara pelantikan",
    required: true,
    formats: ["pdf", "jpg", "png"],
    maxSizeKb: 2048,
  },
  {
    id: "ijazah",
    label: "Ijazah dan transkrip pendidikan terakhir",
    required: true,
    formats: ["pdf", "jpg", "png"],
    maxSizeKb: 2048,
  },
  { id: "skp", label: "Penilaian kinerja (SKP) dua tahun terakhir", required: true, formats: ["pdf"], maxSizeKb: 2048 },
  {
    id: "surat-sehat",
    label: "Surat keterangan sehat jasmani dan rohani",
    required: true,
    formats: ["pdf", "jpg", "png"],
    maxSizeKb: 1024,
  },
  { id: "pakta-integritas", label: "Pakta integritas", required: true, formats: ["pdf"], maxSizeKb: 1024 },
  {
    id: "bebas-hukuman",
    label: "Surat pernyataan tidak sedang menjalani hukuman disiplin",
    required: true,
    formats: ["pdf"],
    maxSizeKb: 1024,
  },
  { id: "lhkpn", label: "Tanda terima LHKPN", required: false, formats: ["pdf", "jpg", "png"], maxSizeKb: 1024 },
];

export function defaultRequirements(maxAge: number): PostRequirements {
  return {
    minGolongan: "IV/a",
    minEducation: "S1",
    minYearsInPost: 2,
    minYearsRelevant: 5,
    maxAge,
    extraConditions: [
      "Sehat jasmani dan rohani",
      "Memiliki rekam jejak jabatan, integritas, dan moralitas yang baik",
      "Tidak sedang menjalani hukuman disiplin atau proses hukum",
    ],
    documents: DEFAULT_DOCUMENTS.map((d) => ({ ...d, formats: [...d.formats] })),
  };
}

/**
 * Four levels on a 0–100 scale, as the rubric sheets of JPT Pratama pansels commonly grade: a score
 * per level rather than free numbers, so five members scoring one candidate stay comparable. The
 * wizard offers these when an operator turns a component's rubric on.
 */
export const DEFAULT_RUBRIC_LEVELS: readonly Rubric["levels"][number][] = [
  {
    score: 90,
    label: "Sangat baik",
    description: "Melampaui harapan pada setiap indikator, dengan bukti dan contoh nyata.",
  },
  { score: 75, label: "Baik", description: "Memenuhi harapan pada sebagian besar indikator." },
  { score: 60, label: "Cukup", description: "Memenuhi sebagian indikator; ada kekurangan yang jelas." },
  { score: 40, label: "Kurang", description: "Belum memenuhi sebagian besar indikator." },
];

/** The paper and its presentation: the candidate's programme for the post, read and then defended. */
const PAPER_RUBRIC: Rubric = {
  indicators: [
    { id: "substansi", label: "Penguasaan substansi jabatan" },
    { id: "program-kerja", label: "Inovasi dan kelayakan program kerja" },
    { id: "presentasi", label: "Sistematika dan kemampuan presentasi" },
  ],
  levels: [
    {
      score: 90,
      label: "Sangat baik",
      description: "Menguasai substansi secara mendalam; program kerja inovatif, terukur dan siap dijalankan.",
    },
    { score: 75, label: "Baik", description: "Menguasai substansi; program kerja jelas dan layak, paparan runtut." },
    { score: 60, label: "Cukup", description: "Substansi dikuasai sebagian; program kerja umum dan kurang terukur." },
    {
      score: 40,
      label: "Kurang",
      description: "Substansi tidak dikuasai; program kerja tidak relevan atau tidak layak.",
    },
  ],
};

/** The final interview with the pansel. */
const INTERVIEW_RUBRIC: Rubric = {
  indicators: [
    { id: "visi-misi", label: "Visi dan misi" },
    { id: "integritas", label: "Integritas" },
    { id: "kepemimpinan", label: "Kepemimpinan" },
    { id: "pemahaman-tugas", label: "Pemahaman tugas jabatan" },
  ],
  levels: [
    {
      score: 90,
      label: "Sangat baik",
      description: "Jawaban lengkap dan konsisten, didukung contoh nyata pada setiap indikator.",
    },
    { score: 75, label: "Baik", description: "Jawaban tepat dan cukup didukung contoh; sedikit kekurangan." },
    {
      score: 60,
      label: "Cukup",
      description: "Jawaban umum dengan sedikit contoh nyata; kurang pada beberapa indikator.",
    },
    { score: 40, label: "Kurang", description: "Jawaban tidak tepat atau tidak konsisten dengan tugas jabatan." },
  ],
};

export const DEFAULT_SCORING_PLAN: ScoringPlan = {
  components: [
    {
      id: "asesmen",
      label: "Asesmen kompetensi manajerial dan sosial kultural",
      weight: 40,
      stage: "asesmenManajerial",
      scale: { min: 0, max: 100 },
      minScore: 60,
    },
    {
      id: "makalah",
      label: "Penulisan makalah dan presentasi",
      weight: 25,
      stage: "kompetensiTeknis",
      scale: { min: 0, max: 100 },
      rubric: PAPER_RUBRIC,
    },
    {
      id: "wawancara",
      label: "Wawancara akhir",
      weight: 25,
      stage: "wawancara",
      scale: { min: 0, max: 100 },
      rubric: INTERVIEW_RUBRIC,
    },
    {
      id: "rekam-jejak",
      label: "Penelusuran rekam jejak",
      weight: 10,
      stage: "rekamJejak",
      scale: { min: 0, max: 100 },
    },
  ],
  finalistsPerPost: 3,
};

/**
 * The profile a new draft starts under: the one in force on `today`, so a draft made after a change
 * in the law follows the new rules; the default where none is in force (the operator then chooses).
 */
export function draftProfileId(today: CalendarDate, profiles: readonly RegulationProfile[] = PROFILES): string {
  return (profileInForce(today, profiles) ?? DEFAULT_PROFILE).id;
}

/** An empty but well-formed draft: the wizard fills it in step by step. */
export function emptySetup(year: number, regulationProfileId: string): SelectionSetup {
  return {
    title: `Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Tahun ${year}`,
    year,
    legalBasis: [
      "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
      "Peraturan Menteri PANRB Nomor 15 Tahun 2019 tentang Pengisian Jabatan Pimpinan Tinggi secara Terbuka dan Kompetitif di Lingkungan Instansi Pemerintah",
    ],
    referenceDate: `${year}-01-01`,
    openTo: "",
    openToRule: null,
    maxPostsPerCandidate: 1,
    regulationProfileId,
    stagesUsed: ["asesmenManajerial", "kompetensiTeknis", "wawancara", "rekamJejak"],
    posts: [],
    schedule: {},
    scoringPlan: structuredClone(DEFAULT_SCORING_PLAN),
    pansel: [],
    contact: { name: "", phone: "", email: "", address: "" },
  };
}
