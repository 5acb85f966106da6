/**
 * Demo data: the Kota Metro 2021 open selection (../shared/SCENARIOS.md) and, to show that one
 * deployment serves several governments, the Kota Pontianak 2024 selection.
 *
 * What the seed writes is `onRunDate(day)`: Metro at its announced administrative result with twelve
 * applications (METRO_AT_RESULT, METRO_PLAN, applications.ts), Pontianak with registration open on the
 * day the seed runs. `SELECTIONS` and `INSTANSI` stay the setups as announced, for tests to build on.
 *
 * Facts from the news articles: the governments, the posts, "open to every ASN in Lampung province",
 * Pontianak's pansel of two provincial officials and three academics. Assumed (plausible filler, not
 * facts): every person's name, NIP, rank and post, the pansel members' names, Asisten I's full title.
 */
import { addDays, parseIsoDate, toIsoDate, type CalendarDate } from "../functions/src/domain/calendar.js";
import type { InstansiDoc } from "../functions/src/domain/schemas/documents.js";
import type { PanselMember, SetupPost } from "../functions/src/domain/selection/setup.js";
import type { StoredSelection } from "../functions/src/domain/selection/stored.js";
import { DEFAULT_SCORING_PLAN, defaultRequirements } from "../functions/src/domain/selection/defaults.js";
import { INITIAL_PROCESS } from "../functions/src/domain/selection/stored.js";
import type { Golongan } from "../functions/src/domain/ranks.js";
import type { EducationEntry, PerformanceEntry, PostHistoryEntry } from "../functions/src/domain/schemas/profile.js";
import type { StaffRole } from "../functions/src/domain/roles.js";
import { buildApplications, countsOf, type ApplicationPlan } from "./applications.js";
import { seededResult } from "./result.js";
import { SCORING_SELECTION_ID, scoringDemo } from "./scoring.js";
import { CLOSING_SELECTION_ID, closingDemo } from "./closing.js";

export const DEMO_PASSWORD = "Seleksi2021";

export interface DemoStaff {
  readonly uid: string;
  readonly email: string;
  readonly name: string;
  readonly instansiId: string;
  readonly roles: readonly StaffRole[];
}

/** A demo candidate's account and the profile they filled (schemas/profile.ts, `candidateProfile`). */
export interface DemoCandidate {
  readonly uid: string;
  readonly email: string;
  /** With academic titles, as on the SK. */
  readonly name: string;
  readonly nip: string;
  readonly birthPlace: string;
  readonly golongan: Golongan;
  /** TMT of the current rank. */
  readonly golonganSince: string;
  readonly currentPost: string;
  /** The government served now: the profile's `currentInstansi` (and the sign-up's `originInstansi`). */
  readonly originInstansi: string;
  readonly province?: string;
  readonly phone: string;
  readonly posts: readonly PostHistoryEntry[];
  readonly education: readonly EducationEntry[];
  readonly performance: readonly PerformanceEntry[];
}

const BASE_INSTANSI: Record<string, InstansiDoc> = {
  "kota-metro": {
    name: "Pemerintah Kota Metro",
    shortName: "Kota Metro",
    province: "Lampung",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Metro",
    address: "Jl. A.H. Nasution No. 5, Metro Pusat, Kota Metro, Lampung",
    website: "metrokota.go.id",
    timeZone: "Asia/Jakarta",
    documentCode: "BKPSDM-MTR",
    numberingPattern: "",
    elections: [],
    actingHeads: [],
  },
  "kota-serang": {
    name: "Pemerintah Kota Serang",
    shortName: "Kota Serang",
    province: "Banten",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Serang",
    address: "Jl. Jend. Sudirman No. 5, Serang",
    website: "serangkota.go.id",
    timeZone: "Asia/Jakarta",
    documentCode: "BKPSDM-SRG",
    numberingPattern: "",
    elections: [],
    actingHeads: [],
  },
  "kota-pontianak": {
    name: "Pemerintah Kota Pontianak",
    shortName: "Kota Pontianak",
    province: "Kalimantan Barat",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Pontianak",
    address: "Jl. Rahadi Usman No. 3, Pontianak",
    website: "pontianak.go.id",
    timeZone: "Asia/Jakarta",
    documentCode: "BKPSDM-PTK",
    numberingPattern: "",
    // The 2024 regional election (candidate pairs determined on 22 September 2024) and the acting
    // mayor (Penjabat) who led the city until the elected mayor took office. Assumed dates: the
    // appointment planned for May 2024 falls in both, so it needs the Minister's approval. The seed
    // moves them with the selection's dates (`onRunDate`), so that stays true on the demo's calendar.
    elections: [{ candidatePairsDetermination: "2024-09-22", termEnd: "2025-02-20" }],
    actingHeads: [{ from: "2023-12-23", to: "2025-02-20" }],
  },
};

const METRO_POSTS: SetupPost[] = [
  {
    id: "asisten-1",
    name: "Asisten Pemerintahan dan Kesejahteraan Rakyat (Asisten I)",
    opd: "Sekretariat Daerah",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "bappeda",
    name: "Kepala Badan Perencanaan Pembangunan Daerah",
    opd: "Bappeda",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "disdikbud",
    name: "Kepala Dinas Pendidikan dan Kebudayaan",
    opd: "Disdikbud",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "bpbd",
    name: "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
    opd: "BPBD",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "dpkp",
    name: "Kepala Dinas Perumahan dan Permukiman",
    opd: "DPKP",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
];

const METRO_PANSEL: PanselMember[] = [
  {
    name: "Drs. H. Bambang Irawan, M.M.",
    origin: "internal",
    position: "ketua",
    affiliation: "Sekretaris Daerah Kota Metro",
    uid: "demo-pansel-metro",
  },
  {
    name: "Ir. Rusdi Hartono, M.T.",
    origin: "internal",
    position: "sekretaris",
    affiliation: "Asisten Administrasi Umum Kota Metro",
  },
  {
    name: "Prof. Dr. Hartini Saleh, M.Si.",
    origin: "akademisi",
    position: "anggota",
    affiliation: "Universitas Lampung",
  },
  {
    name: "Dr. Ahmad Fikri, S.H., M.H.",
    origin: "akademisi",
    position: "anggota",
    affiliation: "Universitas Muhammadiyah Metro",
  },
  { name: "Dr. Nurul Aini, M.Pd.", origin: "akademisi", position: "anggota", affiliation: "IAIN Metro" },
];

const PONTIANAK_POSTS: SetupPost[] = [
  {
    id: "sekda",
    name: "Sekretaris Daerah",
    opd: "Sekretariat Daerah",
    // The Sekda of a kabupaten or kota is a JPT Pratama post (UU No. 5 Tahun 2014 Pasal 19); only
    // a province's Sekda is JPT Madya. The post asks more than the level's minimum, as it may.
    level: "jptPratama",
    requirements: { ...defaultRequirements(56), minGolongan: "IV/c", minEducation: "S2", minYearsRelevant: 7 },
  },
  {
    id: "bapenda",
    name: "Kepala Badan Pendapatan Daerah",
    opd: "Bapenda",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "dinkop-ump",
    name: "Kepala Dinas Koperasi, Usaha Mikro dan Perdagangan",
    opd: "Dinas Koperasi UMP",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "dp2kbp3a",
    name: "Kepala Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
    opd: "DP2KBP3A",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
];

const PONTIANAK_PANSEL: PanselMember[] = [
  {
    name: "Dr. H. Syarif Ridwan, M.Si.",
    origin: "instansiLain",
    position: "ketua",
    affiliation: "Pemerintah Provinsi Kalimantan Barat",
  },
  {
    name: "Ir. Yuliana Tambunan, M.M.",
    origin: "instansiLain",
    position: "anggota",
    affiliation: "Pemerintah Provinsi Kalimantan Barat",
  },
  {
    name: "Prof. Dr. Eddy Suratman, M.A.",
    origin: "akademisi",
    position: "sekretaris",
    affiliation: "Universitas Tanjungpura",
  },
  {
    name: "Dr. Rini Handayani, M.Si.",
    origin: "akademisi",
    position: "anggota",
    affiliation: "Universitas Tanjungpura",
  },
  {
    name: "Dr. Agus Wiyono, S.E., M.M.",
    origin: "akademisi",
    position: "anggota",
    affiliation: "Universitas Muhammadiyah Pontianak",
  },
];

const LEGAL_BASIS = [
  "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara",
  "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020",
  "Peraturan Menteri PANRB Nomor 15 Tahun 2019 tentang Pengisian Jabatan Pimpinan Tinggi secara Terbuka dan Kompetitif di Lingkungan Instansi Pemerintah",
];

// Kota Serang: four posts left vacant after the 2025 competency test and rotation (the article).
// The open bidding below is still being prepared: an operator proposes opening registration and
// the Sekda approves it in the demo. Its dates and pansel are assumed.
const SERANG_POSTS: SetupPost[] = [
  {
    id: "dinsos",
    name: "Kepala Dinas Sosial",
    opd: "Dinas Sosial",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "staf-ahli-kemasyarakatan",
    name: "Staf Ahli Wali Kota Bidang Kemasyarakatan",
    opd: "Sekretariat Daerah",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "bpbd",
    name: "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
    opd: "BPBD",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "disparpora",
    name: "Kepala Dinas Pariwisata, Pemuda dan Olahraga",
    opd: "Disparpora",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
];

const SERANG_PANSEL: PanselMember[] = [
  {
    name: "Dr. H. Nana Supiana, M.Si.",
    origin: "internal",
    position: "ketua",
    affiliation: "Sekretaris Daerah Kota Serang",
  },
  {
    name: "Hj. Siti Aminah, S.H., M.H.",
    origin: "internal",
    position: "sekretaris",
    affiliation: "Asisten Administrasi Umum Kota Serang",
  },
  {
    name: "Prof. Dr. Ahmad Sihabudin, M.Si.",
    origin: "akademisi",
    position: "anggota",
    affiliation: "Universitas Sultan Ageng Tirtayasa",
  },
  {
    name: "Dr. Rina Yulianti, M.Psi.",
    origin: "profesional",
    position: "anggota",
    affiliation: "Himpunan Psikologi Indonesia Wilayah Banten",
  },
  {
    name: "Dr. Deden Suhendar, M.AP.",
    origin: "instansiLain",
    position: "anggota",
    affiliation: "Pemerintah Provinsi Banten",
  },
];

const BASE_SELECTIONS: Record<string, StoredSelection> = {
  "metro-2021-jpt": {
    instansiId: "kota-metro",
    instansiName: "Pemerintah Kota Metro",
    title: "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Kota Metro Tahun 2021",
    year: 2021,
    stage: "pendaftaran",
    public: true,
    announcedAt: "2021-09-20T08:00:00+07:00",
    openTo: "ASN di lingkungan Provinsi Lampung yang memenuhi persyaratan",
    openToRule: { scope: "province", province: "Lampung", conditions: [] },
    maxPostsPerCandidate: 1,
    posts: METRO_POSTS,
    pansel: METRO_PANSEL,
    panselUids: ["demo-pansel-metro"],
    legalBasis: LEGAL_BASIS,
    referenceDate: "2021-10-04",
    regulationProfileId: "permenpanrb-15-2019",
    stagesUsed: ["asesmenManajerial", "kompetensiTeknis", "wawancara", "rekamJejak"],
    // Assumed dates: the articles give the September 2021 competency test, not the later schedule.
    schedule: {
      pendaftaran: { start: "2021-09-20", end: "2021-10-04" },
      seleksiAdministrasi: { start: "2021-10-05", end: "2021-10-08" },
      pengumumanAdministrasi: { start: "2021-10-11", end: "2021-10-13" },
      asesmenManajerial: { start: "2021-10-18", end: "2021-10-20" },
      kompetensiTeknis: { start: "2021-10-25", end: "2021-10-27" },
      wawancara: { start: "2021-11-01", end: "2021-11-03" },
      rekamJejak: { start: "2021-11-04", end: "2021-11-10" },
      pemeringkatan: { start: "2021-11-11", end: "2021-11-12" },
      laporanPpk: { start: "2021-11-15", end: "2021-11-16" },
    },
    scoringPlan: DEFAULT_SCORING_PLAN,
    contact: {
      name: "Sekretariat Panitia Seleksi, BKPSDM Kota Metro",
      phone: "(0725) 41234",
      email: "pansel.jpt@metrokota.demo",
      address: "Jl. A.H. Nasution No. 5, Metro Pusat, Kota Metro",
    },
    ...INITIAL_PROCESS,
  },
  "serang-2026-jpt": {
    instansiId: "kota-serang",
    instansiName: "Pemerintah Kota Serang",
    title: "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Kota Serang Tahun 2026",
    year: 2026,
    stage: "persiapan",
    public: false,
    announcedAt: null,
    openTo: "PNS di lingkungan Pemerintah Provinsi Banten dan kabupaten/kota se-Provinsi Banten",
    openToRule: { scope: "province", province: "Banten", conditions: [] },
    maxPostsPerCandidate: 1,
    posts: SERANG_POSTS,
    pansel: SERANG_PANSEL,
    panselUids: [],
    legalBasis: LEGAL_BASIS,
    referenceDate: "2026-12-21",
    regulationProfileId: "permenpanrb-15-2019",
    stagesUsed: ["asesmenManajerial", "kompetensiTeknis", "wawancara", "rekamJejak"],
    schedule: {
      pendaftaran: { start: "2026-12-07", end: "2026-12-21" },
      seleksiAdministrasi: { start: "2026-12-22", end: "2026-12-24" },
      pengumumanAdministrasi: { start: "2026-12-28", end: "2026-12-30" },
      asesmenManajerial: { start: "2027-01-05", end: "2027-01-07" },
      kompetensiTeknis: { start: "2027-01-12", end: "2027-01-14" },
      wawancara: { start: "2027-01-19", end: "2027-01-21" },
      rekamJejak: { start: "2027-01-22", end: "2027-01-28" },
      pemeringkatan: { start: "2027-01-29", end: "2027-02-01" },
      laporanPpk: { start: "2027-02-02", end: "2027-02-03" },
    },
    scoringPlan: DEFAULT_SCORING_PLAN,
    contact: {
      name: "Sekretariat Panitia Seleksi, BKPSDM Kota Serang",
      phone: "(0254) 200123",
      email: "pansel.jpt@serangkota.demo",
      address: "Jl. Jend. Sudirman No. 5, Serang",
    },
    ...INITIAL_PROCESS,
  },
  "pontianak-2024-jpt": {
    instansiId: "kota-pontianak",
    instansiName: "Pemerintah Kota Pontianak",
    title: "Seleksi Terbuka Jabatan Pimpinan Tinggi Kota Pontianak Tahun 2024",
    year: 2024,
    stage: "pendaftaran",
    public: true,
    announcedAt: "2024-03-28T08:00:00+07:00",
    openTo: "ASN yang memenuhi persyaratan",
    openToRule: { scope: "national", conditions: [] },
    maxPostsPerCandidate: 2,
    posts: PONTIANAK_POSTS,
    pansel: PONTIANAK_PANSEL,
    panselUids: [],
    legalBasis: LEGAL_BASIS,
    referenceDate: "2024-04-12",
    regulationProfileId: "permenpanrb-15-2019",
    stagesUsed: ["asesmenManajerial", "kompetensiTeknis", "wawancara", "rekamJejak"],
    // Started 28 March 2024, appointment planned for May (the article); the rest is assumed.
    schedule: {
      pendaftaran: { start: "2024-03-28", end: "2024-04-12" },
      seleksiAdministrasi: { start: "2024-04-15", end: "2024-04-17" },
      pengumumanAdministrasi: { start: "2024-04-18", end: "2024-04-22" },
      asesmenManajerial: { start: "2024-04-23", end: "2024-04-25" },
      kompetensiTeknis: { start: "2024-04-26", end: "2024-04-29" },
      wawancara: { start: "2024-04-30", end: "2024-05-02" },
      rekamJejak: { start: "2024-05-03", end: "2024-05-08" },
      pemeringkatan: { start: "2024-05-09", end: "2024-05-10" },
      laporanPpk: { start: "2024-05-13", end: "2024-05-14" },
    },
    scoringPlan: DEFAULT_SCORING_PLAN,
    contact: {
      name: "Sekretariat Panitia Seleksi, BKPSDM Kota Pontianak",
      phone: "(0561) 734567",
      email: "pansel.jpt@pontianak.demo",
      address: "Jl. Rahadi Usman No. 3, Pontianak",
    },
    ...INITIAL_PROCESS,
  },
};

export const STAFF: DemoStaff[] = [
  {
    uid: "demo-operator-metro",
    email: "operator@metrokota.demo",
    name: "Dewi Lestari, S.Sos.",
    instansiId: "kota-metro",
    roles: ["operator"],
  },
  {
    uid: "demo-pejabat-metro",
    email: "sekda@metrokota.demo",
    name: "Drs. H. Bambang Irawan, M.M.",
    instansiId: "kota-metro",
    roles: ["pejabat"],
  },
  {
    uid: "demo-pansel-metro",
    email: "pansel@metrokota.demo",
    name: "Prof. Dr. Hartini Saleh, M.Si.",
    instansiId: "kota-metro",
    roles: ["pansel"],
  },
  {
    uid: "demo-operator-serang",
    email: "operator@serangkota.demo",
    name: "Fitri Handayani, S.E.",
    instansiId: "kota-serang",
    roles: ["operator"],
  },
  {
    uid: "demo-pejabat-serang",
    email: "sekda@serangkota.demo",
    name: "Dr. H. Nana Supiana, M.Si.",
    instansiId: "kota-serang",
    roles: ["pejabat"],
  },
  {
    uid: "demo-operator-pontianak",
    email: "operator@pontianak.demo",
    name: "Yohanes Kristianto, S.Kom.",
    instansiId: "kota-pontianak",
    roles: ["operator"],
  },
];

/**
 * Twelve ASN of Lampung province with full profiles, as they would have typed them before applying to
 * a Metro post. Their careers are assumed but follow how ASN careers run: pelaksana, then a pengawas
 * post (Kepala Seksi/Subbagian), then an administrator post (Kepala Bidang/Bagian, Sekretaris Dinas,
 * Camat); ranks rise about every four years from III/a. Two of them fall short on purpose (see
 * applications.ts): Bayu Pratama is still Penata Tingkat I (III/d) and Lina Hartati has held her
 * administrator post for less than two years at the reference date.
 */
export const CANDIDATES: DemoCandidate[] = [
  {
    uid: "demo-peserta-01",
    email: "peserta@metrokota.demo",
    name: "Drs. Ahmad Fauzi, M.Si.",
    nip: "197203151998031004",
    birthPlace: "Metro",
    golongan: "IV/b",
    golonganSince: "2018-04-01",
    currentPost: "Sekretaris Bappeda",
    originInstansi: "Pemerintah Kota Metro",
    phone: "0812-7200-1534",
    posts: [
      {
        name: "Kepala Bidang Perencanaan Ekonomi Bappeda",
        type: "administrator",
        from: "2014-01-06",
        to: "2018-12-31",
      },
      { name: "Sekretaris Bappeda", type: "administrator", from: "2019-01-02" },
    ],
    education: [
      { level: "S1", field: "Ilmu Pemerintahan", institution: "Universitas Lampung", year: 1995 },
      { level: "S2", field: "Administrasi Publik", institution: "Universitas Lampung", year: 2008 },
    ],
    performance: [
      { year: 2019, rating: "Baik" },
      { year: 2020, rating: "Sangat Baik" },
    ],
  },
  {
    uid: "demo-peserta-02",
    email: "sri.wahyuni@metrokota.demo",
    name: "Sri Wahyuni, S.Pd., M.Pd.",
    nip: "197508222000032002",
    birthPlace: "Metro",
    golongan: "IV/a",
    golonganSince: "2017-10-01",
    currentPost: "Sekretaris Dinas Pendidikan dan Kebudayaan",
    originInstansi: "Pemerintah Kota Metro",
    phone: "0813-6900-2278",
    posts: [
      { name: "Guru SMP Negeri 1 Metro", type: "functional", from: "2000-03-01", to: "2009-12-31" },
      { name: "Kepala Seksi Kurikulum SMP, Dinas Pendidikan", type: "pengawas", from: "2010-01-04", to: "2014-02-02" },
      {
        name: "Kepala Bidang Pembinaan SMP, Dinas Pendidikan",
        type: "administrator",
        from: "2014-02-03",
        to: "2018-07-01",
      },
      { name: "Sekretaris Dinas Pendidikan dan Kebudayaan", type: "administrator", from: "2018-07-02" },
    ],
    education: [
      { level: "S1", field: "Pendidikan Bahasa dan Sastra Indonesia", institution: "Universitas Lampung", year: 1998 },
      { level: "S2", field: "Manajemen Pendidikan", institution: "Universitas Lampung", year: 2007 },
    ],
    performance: [
      { year: 2019, rating: "Baik" },
      { year: 2020, rating: "Baik" },
    ],
  },
  {
    uid: "demo-peserta-03",
    email: "hendra.gunawan@lampungprov.demo",
    name: "Ir. Hendra Gunawan, M.T.",
    nip: "197011041997031003",
    birthPlace: "Bandar Lampung",
    golongan: "IV/b",
    golonganSince: "2016-04-01",
    currentPost: "Kepala Bidang Perumahan, Dinas Perkim Provinsi Lampung",
    originInstansi: "Pemerintah Provinsi Lampung",
    phone: "0811-7290-4410",
    posts: [
      {
        name: "Kepala Seksi Penataan Bangunan, Dinas PU Provinsi Lampung",
        type: "pengawas",
        from: "2006-02-01",
        to: "2012-05-01",
      },
      { name: "Kepala UPTD Pengujian Bahan Konstruksi", type: "administrator", from: "2012-05-02", to: "2017-01-08" },
      { name: "Kepala Bidang Perumahan, Dinas Perkim Provinsi Lampung", type: "administrator", from: "2017-01-09" },
    ],
    education: [
      { level: "S1", field: "Teknik Sipil", institution: "Universitas Lampung", year: 1995 },
      { level: "S2", field: "Teknik Sipil", institution: "Institut Teknologi Bandung", year: 2004 },
    ],
    performance: [
      { year: 2019, rating: "Sangat Baik" },
      { year: 2020, rating: "Baik" },
    ],
  },
  {
    uid: "demo-peserta-04",
    email: "rina.marlina@metrokota.demo",
    name: "Rina Marlina, S.E., M.M.",
    nip: "197806122003122001",
    birthPlace: "Tanjung Karang",
    golongan: "IV/a",
    golonganSince: "2019-04-01",
    currentPost: "Kepala Bagian Perencanaan dan Keuangan",
    originInstansi: "Pemerintah Kota Metro",
    phone: "0821-7711-3095",
    posts: [
      { name: "Pengelola Keuangan, BPKAD", type: "pelaksana", from: "2003-12-01", to: "2013-02-28" },
      { name: "Kepala Subbagian Anggaran, Sekretariat Daerah", type: "pengawas", from: "2013-03-01", to: "2019-01-01" },
      { name: "Kepala Bagian Perencanaan dan Keuangan", type: "administrator", from: "2019-01-02" },
    ],
    education: [
      { level: "S1", field: "Akuntansi", institution: "Universitas Lampung", year: 2001 },
      { level: "S2", field: "Manajemen", institution: "Universitas Bandar Lampung", year: 2010 },
    ],
    performance: [
      { year: 2019, rating: "Sangat Baik" },
      { year: 2020, rating: "Sangat Baik" },
    ],
  },
  {
    uid: "demo-peserta-05",
    email: "yusuf.effendi@lampungtengah.demo",
    name: "Yusuf Effendi, S.STP., M.Si.",
    nip: "198001172000121001",
    birthPlace: "Gunung Sugih",
    golongan: "IV/a",
    golonganSince: "2018-10-01",
    currentPost: "Camat Gunung Sugih",
    originInstansi: "Pemerintah Kabupaten Lampung Tengah",
    phone: "0852-6900-1177",
    posts: [
      { name: "Lurah Bandar Jaya Barat", type: "pengawas", from: "2009-04-01", to: "2015-05-31" },
      { name: "Sekretaris Camat Terbanggi Besar", type: "administrator", from: "2015-06-01", to: "2019-03-03" },
      { name: "Camat Gunung Sugih", type: "administrator", from: "2019-03-04" },
    ],
    education: [
      // STPDN's diploma IV (S.STP.) ranks with a sarjana.
      { level: "D4", field: "Ilmu Pemerintahan", institution: "Sekolah Tinggi Pemerintahan Dalam Negeri", year: 2000 },
      { level: "S2", field: "Ilmu Pemerintahan", institution: "Universitas Lampung", year: 2011 },
    ],
    performance: [
      { year: 2019, rating: "Baik" },
      { year: 2020, rating: "Baik" },
    ],
  },
  {
    uid: "demo-peserta-06",
    email: "siti.rohmah@metrokota.demo",
    name: "Dra. Siti Rohmah, M.Pd.",
    nip: "196909251995032003",
    birthPlace: "Metro",
    golongan: "IV/b",
    golonganSince: "2017-04-01",
    currentPost: "Kepala Bidang Kebudayaan, Disdikbud",
    originInstansi: "Pemerintah Kota Metro",
    phone: "0812-7944-0631",
    posts: [
      { name: "Guru SMA Negeri 2 Metro", type: "functional", from: "1995-03-01", to: "2009-06-30" },
      { name: "Kepala Seksi Kesenian, Dinas Pendidikan", type: "pengawas", from: "2009-07-01", to: "2016-02-29" },
      { name: "Kepala Bidang Kebudayaan, Disdikbud", type: "administrator", from: "2016-03-01" },
    ],
    education: [
      { level: "S1", field: "Pendidikan Sejarah", institution: "Universitas Lampung", year: 1993 },
      { level: "S2", field: "Pendidikan IPS", institution: "Universitas Lampung", year: 2005 },
    ],
    performance: [
      { year: 2019, rating: "Baik" },
      { year: 2020, rating: "Baik" },
    ],
  },
  {
    uid: "demo-peserta-07",
    email: "agus.salim@lampungtimur.demo",
    name: "Agus Salim, S.T., M.T.",
    nip: "197604302002121002",
    birthPlace: "Sukadana",
    golongan: "IV/a",
    golonganSince: "2018-04-01",
    currentPost: "Kepala Bidang Kedaruratan, BPBD Lampung Timur",
    originInstansi: "Pemerintah Kabupaten Lampung Timur",
    phone: "0813-7966-5120",
    posts: [
      { name: "Teknisi Pengairan, Dinas PU", type: "pelaksana", from: "2002-12-01", to: "2011-01-31" },
      { name: "Kepala Seksi Rehabilitasi, BPBD Lampung Timur", type: "pengawas", from: "2011-02-01", to: "2017-01-31" },
      { name: "Kepala Bidang Kedaruratan dan Logistik, BPBD Lampung Timur", type: "administrator", from: "2017-02-01" },
    ],
    education: [
      { level: "S1", field: "Teknik Sipil", institution: "Universitas Lampung", year: 2000 },
      { level: "S2", field: "Teknik Sipil (Manajemen Bencana)", institution: "Universitas Lampung", year: 2009 },
    ],
    performance: [
      { year: 2019, rating: "Sangat Baik" },
      { year: 2020, rating: "Baik" },
    ],
  },
  {
    uid: "demo-peserta-08",
    email: "made.sudarsana@metrokota.demo",
    name: "I Made Sudarsana, S.H., M.H.",
    nip: "197312081999031005",
    birthPlace: "Seputih Raman",
    golongan: "IV/b",
    golonganSince: "2019-04-01",
    currentPost: "Kepala Bagian Pemerintahan",
    originInstansi: "Pemerintah Kota Metro",
    phone: "0812-7255-8802",
    posts: [
      {
        name: "Kepala Subbagian Otonomi Daerah, Sekretariat Daerah",
        type: "pengawas",
        from: "2008-03-03",
        to: "2016-05-31",
      },
      { name: "Kepala Bagian Pemerintahan", type: "administrator", from: "2016-06-01" },
    ],
    education: [
      { level: "S1", field: "Ilmu Hukum", institution: "Universitas Lampung", year: 1997 },
      { level: "S2", field: "Ilmu Hukum", institution: "Universitas Lampung", year: 2006 },
    ],
    performance: [
      { year: 2019, rating: "Baik" },
      { year: 2020, rating: "Sangat Baik" },
    ],
  },
  {
    uid: "demo-peserta-09",
    email: "lina.hartati@pesawaran.demo",
    name: "Lina Hartati, S.Sos., M.AP.",
    nip: "197910052005012004",
    birthPlace: "Gedong Tataan",
    golongan: "IV/a",
    golonganSince: "2020-04-01",
    currentPost: "Sekretaris Dinas Sosial",
    originInstansi: "Pemerintah Kabupaten Pesawaran",
    phone: "0857-6901-4432",
    posts: [
      {
        name: "Pengelola Program Rehabilitasi Sosial, Dinas Sosial",
        type: "pelaksana",
        from: "2005-01-03",
        to: "2014-01-01",
      },
      {
        name: "Kepala Seksi Rehabilitasi Sosial, Dinas Sosial",
        type: "pengawas",
        from: "2014-01-02",
        to: "2020-03-01",
      },
      // Less than two years at the reference date (4 October 2021): the post's "2 years" is not met.
      { name: "Sekretaris Dinas Sosial", type: "administrator", from: "2020-03-02" },
    ],
    education: [
      { level: "S1", field: "Ilmu Kesejahteraan Sosial", institution: "Universitas Lampung", year: 2002 },
      { level: "S2", field: "Administrasi Publik", institution: "Universitas Bandar Lampung", year: 2012 },
    ],
    performance: [
      { year: 2019, rating: "Baik" },
      { year: 2020, rating: "Baik" },
    ],
  },
  {
    uid: "demo-peserta-10",
    email: "bayu.pratama@metrokota.demo",
    name: "Bayu Pratama, S.T., M.Eng.",
    nip: "198105262006041001",
    birthPlace: "Metro",
    // Penata Tingkat I: one step short of the Pembina (IV/a) the posts ask for.
    golongan: "III/d",
    golonganSince: "2017-10-01",
    currentPost: "Kepala Bidang Permukiman, DPKP",
    originInstansi: "Pemerintah Kota Metro",
    phone: "0812-7988-2016",
    posts: [
      { name: "Pengawas Bangunan, Dinas Pekerjaan Umum", type: "pelaksana", from: "2006-04-03", to: "2012-08-31" },
      {
        name: "Kepala Seksi Tata Bangunan, Dinas Pekerjaan Umum",
        type: "pengawas",
        from: "2012-09-03",
        to: "2018-09-02",
      },
      { name: "Kepala Bidang Permukiman, DPKP", type: "administrator", from: "2018-09-03" },
    ],
    education: [
      { level: "S1", field: "Teknik Sipil", institution: "Universitas Lampung", year: 2004 },
      { level: "S2", field: "Perencanaan Wilayah dan Kota", institution: "Universitas Gadjah Mada", year: 2011 },
    ],
    performance: [
      { year: 2019, rating: "Sangat Baik" },
      { year: 2020, rating: "Sangat Baik" },
    ],
  },
  {
    uid: "demo-peserta-11",
    email: "ratna.dewi@lampungprov.demo",
    name: "Dr. Ratna Dewi, S.P., M.Si.",
    nip: "197402141998032001",
    birthPlace: "Kotabumi",
    golongan: "IV/b",
    golonganSince: "2017-10-01",
    currentPost: "Kepala Bidang Perencanaan Ekonomi, Bappeda Provinsi Lampung",
    originInstansi: "Pemerintah Provinsi Lampung",
    phone: "0811-7222-6408",
    posts: [
      {
        name: "Kepala Subbidang Pertanian, Bappeda Provinsi Lampung",
        type: "pengawas",
        from: "2007-04-02",
        to: "2015-08-02",
      },
      {
        name: "Kepala Bidang Perencanaan Ekonomi, Bappeda Provinsi Lampung",
        type: "administrator",
        from: "2015-08-03",
      },
    ],
    education: [
      { level: "S1", field: "Agribisnis", institution: "Universitas Lampung", year: 1996 },
      { level: "S2", field: "Ekonomi Pertanian", institution: "Institut Pertanian Bogor", year: 2003 },
      { level: "S3", field: "Ilmu Ekonomi Pertanian", institution: "Institut Pertanian Bogor", year: 2014 },
    ],
    performance: [
      { year: 2019, rating: "Sangat Baik" },
      { year: 2020, rating: "Sangat Baik" },
    ],
  },
  {
    uid: "demo-peserta-12",
    email: "joko.susilo@metrokota.demo",
    name: "Joko Susilo, S.Kep., M.Kes.",
    nip: "197707192001121003",
    birthPlace: "Metro",
    golongan: "IV/a",
    golonganSince: "2019-10-01",
    currentPost: "Sekretaris Dinas Kesehatan",
    originInstansi: "Pemerintah Kota Metro",
    phone: "0813-6988-7190",
    posts: [
      { name: "Perawat, RSUD Jenderal Ahmad Yani Metro", type: "functional", from: "2001-12-01", to: "2012-03-31" },
      {
        name: "Kepala Seksi Pelayanan Kesehatan, Dinas Kesehatan",
        type: "pengawas",
        from: "2012-04-02",
        to: "2018-01-01",
      },
      { name: "Sekretaris Dinas Kesehatan", type: "administrator", from: "2018-01-02" },
    ],
    education: [
      { level: "S1", field: "Ilmu Keperawatan", institution: "Universitas Muhammadiyah Yogyakarta", year: 2000 },
      { level: "S2", field: "Kesehatan Masyarakat", institution: "Universitas Gadjah Mada", year: 2010 },
    ],
    performance: [
      { year: 2019, rating: "Baik" },
      { year: 2020, rating: "Baik" },
    ],
  },
];

/**
 * A candidate of Kota Pontianak with a full profile and no application yet, to try the candidate's
 * flow on the open Pontianak selection. The SKP years follow the selection's reference date.
 */
export function pontianakCandidate(referenceYear: number): DemoCandidate {
  return {
    uid: "demo-peserta-pontianak",
    email: "peserta@pontianak.demo",
    name: "Syarifah Maulida, S.E., M.Si.",
    nip: "197802112003032001",
    birthPlace: "Pontianak",
    golongan: "IV/b",
    golonganSince: "2020-10-01",
    currentPost: "Sekretaris Badan Pendapatan Daerah",
    originInstansi: "Pemerintah Kota Pontianak",
    province: "Kalimantan Barat",
    phone: "0812-5610-7734",
    posts: [
      { name: "Kepala Subbidang Pajak Daerah, Dispenda", type: "pengawas", from: "2010-02-01", to: "2016-01-31" },
      {
        name: "Kepala Bidang Pajak Daerah, Badan Pendapatan Daerah",
        type: "administrator",
        from: "2016-02-01",
        to: "2020-02-02",
      },
      { name: "Sekretaris Badan Pendapatan Daerah", type: "administrator", from: "2020-02-03" },
    ],
    education: [
      { level: "S1", field: "Ekonomi Pembangunan", institution: "Universitas Tanjungpura", year: 2001 },
      { level: "S2", field: "Ilmu Ekonomi", institution: "Universitas Tanjungpura", year: 2009 },
    ],
    performance: [
      { year: referenceYear - 2, rating: "Baik" },
      { year: referenceYear - 1, rating: "Sangat Baik" },
    ],
  };
}

/**
 * Who applied to which Metro post and how the operators decided. Twelve candidates, one post each
 * (maxPostsPerCandidate 1): 4 for Asisten I and Bappeda, 2 for Disdikbud, 1 each for BPBD and DPKP.
 * Ten are MS; two are TMS for what the eligibility check also shows: Lina Hartati's administrator
 * post is short of two years, Bayu Pratama's rank is III/d. Bayu objected after the announcement.
 */
export const METRO_PLAN: readonly ApplicationPlan[] = [
  {
    uid: "demo-peserta-08",
    postId: "asisten-1",
    submittedAt: "2021-09-22T09:40:00+07:00",
    decision: "ms",
    reasons: [],
  },
  {
    uid: "demo-peserta-05",
    postId: "asisten-1",
    submittedAt: "2021-09-23T14:05:00+07:00",
    decision: "ms",
    reasons: [],
  },
  { uid: "demo-peserta-01", postId: "bappeda", submittedAt: "2021-09-27T10:15:00+07:00", decision: "ms", reasons: [] },
  { uid: "demo-peserta-11", postId: "bappeda", submittedAt: "2021-09-28T20:31:00+07:00", decision: "ms", reasons: [] },
  {
    uid: "demo-peserta-02",
    postId: "disdikbud",
    submittedAt: "2021-09-29T11:02:00+07:00",
    decision: "ms",
    reasons: [],
  },
  {
    uid: "demo-peserta-09",
    postId: "asisten-1",
    submittedAt: "2021-09-30T16:48:00+07:00",
    decision: "tms",
    reasons: [
      "Masa jabatan administrator (Sekretaris Dinas Sosial sejak 2 Maret 2020) 1 tahun 7 bulan pada 4 Oktober 2021; syarat paling singkat 2 tahun.",
    ],
  },
  { uid: "demo-peserta-04", postId: "bappeda", submittedAt: "2021-10-01T08:55:00+07:00", decision: "ms", reasons: [] },
  {
    uid: "demo-peserta-12",
    postId: "asisten-1",
    submittedAt: "2021-10-02T19:20:00+07:00",
    decision: "ms",
    reasons: [],
  },
  { uid: "demo-peserta-03", postId: "dpkp", submittedAt: "2021-10-04T22:41:00+07:00", decision: "ms", reasons: [] },
  {
    uid: "demo-peserta-10",
    postId: "bappeda",
    submittedAt: "2021-10-04T23:12:00+07:00",
    decision: "tms",
    reasons: [
      "Pangkat/golongan menurut SK pangkat terakhir yang diunggah: Penata Tingkat I, III/d; syarat paling rendah Pembina, IV/a.",
    ],
    objection: {
      text: "Kenaikan pangkat saya menjadi Pembina (IV/a) berlaku TMT 1 Oktober 2021, sebelum batas pendaftaran. SK kenaikan pangkat baru saya terima dari BKPSDM setelah berkas dikunci, sehingga yang terunggah masih SK pangkat III/d. Mohon verifikasi ulang; SK asli dapat saya tunjukkan di BKPSDM.",
      filedAt: "2021-10-26T08:37:00+07:00",
    },
  },
  {
    uid: "demo-peserta-06",
    postId: "disdikbud",
    submittedAt: "2021-10-11T13:30:00+07:00",
    decision: "ms",
    reasons: [],
  },
  { uid: "demo-peserta-07", postId: "bpbd", submittedAt: "2021-10-15T15:10:00+07:00", decision: "ms", reasons: [] },
];

/**
 * Where the seeded Metro selection stands: the administrative result announced (MS/TMS on every
 * application, METRO_PLAN) and one objection waiting for the operator's answer. On the way there,
 * registration (announced for 20 September – 4 October, the reference date) was extended twice by 7
 * days for the posts short of the regulation's 4 applicants (4 → 11 → 18 October), three posts went on
 * by a recorded decision, and the later stages were moved after it. The result was announced on 25
 * October 2021 (the pengumumanAdministrasi stage, 25–27 October); the objection window, counted from
 * the announcement (domain/applications/objection.ts), ran to the end of 28 October.
 */
export const METRO_AT_RESULT = {
  stage: "pengumumanAdministrasi",
  schedule: {
    pendaftaran: { start: "2021-09-20", end: "2021-10-18" },
    seleksiAdministrasi: { start: "2021-10-19", end: "2021-10-22" },
    pengumumanAdministrasi: { start: "2021-10-25", end: "2021-10-27" },
    asesmenManajerial: { start: "2021-11-01", end: "2021-11-03" },
    kompetensiTeknis: { start: "2021-11-08", end: "2021-11-10" },
    wawancara: { start: "2021-11-15", end: "2021-11-17" },
    rekamJejak: { start: "2021-11-18", end: "2021-11-24" },
    pemeringkatan: { start: "2021-11-25", end: "2021-11-26" },
    laporanPpk: { start: "2021-11-29", end: "2021-11-30" },
  },
  extensions: { disdikbud: 2, bpbd: 2, dpkp: 2 },
  postDecisions: { disdikbud: "continueWithDecision", bpbd: "continueWithDecision", dpkp: "continueWithDecision" },
} as const satisfies Partial<StoredSelection>;

// ---------------------------------------------------------------------------------------------------
// The demo on the day it is seeded

/** The day in Indonesia's western zone (WIB, UTC+7, no daylight saving) at `ms`. */
export function jakartaDay(ms: number): CalendarDate {
  const d = new Date(ms + 7 * 60 * 60 * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The day of Pontianak's 2024 story that the seed's run date plays: registration ran from 28 March
 * to 12 April 2024, so on the run date it has been open 8 days and stays open 7 more.
 */
export const PONTIANAK_STORY_DAY = "2024-04-05";

const dayNumber = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

function shiftIso(isoDate: string, days: number): string {
  const d = parseIsoDate(isoDate.slice(0, 10));
  if (!d) throw new Error(`demo date ${isoDate} is not a date`);
  const shifted = new Date((dayNumber(d) + days) * 86_400_000).toISOString().slice(0, 10);
  return shifted + isoDate.slice(10);
}

/** The Pontianak selection and its government's calendar, moved as one by `days`. */
function shiftPontianak(selection: StoredSelection, instansi: InstansiDoc, days: number) {
  const schedule: StoredSelection["schedule"] = {};
  for (const [stage, range] of Object.entries(selection.schedule) as [
    keyof StoredSelection["schedule"],
    { start: string; end: string },
  ][]) {
    schedule[stage] = { start: shiftIso(range.start, days), end: shiftIso(range.end, days) };
  }
  const year = Number((schedule.pendaftaran?.start ?? selection.referenceDate).slice(0, 4));
  return {
    selection: {
      ...selection,
      title: selection.title.replace(/Tahun \d{4}$/, `Tahun ${year}`),
      year,
      announcedAt: selection.announcedAt === null ? null : shiftIso(selection.announcedAt, days),
      referenceDate: shiftIso(selection.referenceDate, days),
      schedule,
    },
    instansi: {
      ...instansi,
      elections: instansi.elections.map((e) => ({
        candidatePairsDetermination: shiftIso(e.candidatePairsDetermination, days),
        termEnd: shiftIso(e.termEnd, days),
      })),
      actingHeads: instansi.actingHeads.map((p) => ({ from: shiftIso(p.from, days), to: shiftIso(p.to, days) })),
    },
  };
}

/** The two TMS candidates of 2021: left out of the 2022 demo's rankings. */
const TMS_EMAILS = ["lina.hartati@pesawaran.demo", "bayu.pratama@metrokota.demo"];

/** When the Sekda approved the move to pengumumanAdministrasi, publishing the administrative result. */
export const METRO_RESULT_PUBLISHED_AT = "2021-10-25T08:00:00+07:00";

/** Everything the seed writes, as of `runDate` (the day `npm start` runs, in WIB). */
export function onRunDate(runDate: CalendarDate) {
  const story = parseIsoDate(PONTIANAK_STORY_DAY)!;
  const shifted = shiftPontianak(
    BASE_SELECTIONS["pontianak-2024-jpt"]!,
    BASE_INSTANSI["kota-pontianak"]!,
    dayNumber(runDate) - dayNumber(story),
  );
  const metro: StoredSelection = { ...BASE_SELECTIONS["metro-2021-jpt"]!, ...METRO_AT_RESULT };
  const operator = STAFF.find((s) => s.uid === "demo-operator-metro")!;
  const applications = buildApplications({
    selectionId: "metro-2021-jpt",
    selection: metro,
    candidates: CANDIDATES,
    plan: METRO_PLAN,
    reviewer: { uid: operator.uid, name: operator.name },
    reviewedAt: "2021-10-21T10:00:00+07:00",
    announcedAt: METRO_RESULT_PUBLISHED_AT,
    // The 2021 objection window (25–28 October 2021) has long
    // closed by the server's clock, so nobody can file a new objection; the one on file is answered
    // within 7 days of the day the demo is seeded, so it is still waiting when the operator looks.
    objectionAnswerDue: new Date(`${toIsoDate(addDays(runDate, 7))}T23:59:59+07:00`).toISOString(),
  });
  const counts = countsOf(
    metro.posts.map((p) => p.id),
    applications.map((a) => a.application),
  );
  // The approval on 25 October 2021 published the result: the pengumuman took the first number of
  // BKPSDM Kota Metro's 2021 counter.
  const result = seededResult({
    selectionId: "metro-2021-jpt",
    selection: metro,
    instansi: BASE_INSTANSI["kota-metro"]!,
    applications: applications.map((a) => a.application),
    publishedAt: METRO_RESULT_PUBLISHED_AT,
    seq: 1,
  });
  // The 2021 uji kompetensi, in its interview stage: the demo of scoring (./scoring.ts).
  const scoring = scoringDemo(BASE_SELECTIONS["metro-2021-jpt"]!, operator.uid);
  // Metro's 2022 selection at penetapan: the 3 besar proposed to the PPK, who chooses (./closing.ts).
  const closing = closingDemo(
    BASE_SELECTIONS["metro-2021-jpt"]!,
    BASE_INSTANSI["kota-metro"]!,
    CANDIDATES.filter((c) => !TMS_EMAILS.includes(c.email)),
    operator,
  );
  const selections: Record<string, StoredSelection> = {
    ...BASE_SELECTIONS,
    "metro-2021-jpt": { ...metro, ...METRO_AT_RESULT, counts, administrativeResult: result.administrativeResult },
    "pontianak-2024-jpt": shifted.selection,
    [SCORING_SELECTION_ID]: scoring.selection,
    [CLOSING_SELECTION_ID]: closing.selection,
  };
  const instansi: Record<string, InstansiDoc> = { ...BASE_INSTANSI, "kota-pontianak": shifted.instansi };
  const candidates = [...CANDIDATES, pontianakCandidate(Number(shifted.selection.referenceDate.slice(0, 4)))];
  return { runDate, instansi, selections, candidates, applications, results: [result], scoring, closing };
}

/** The demo as the seed writes it today (a run on another day moves Pontianak only). */
export const TODAY = onRunDate(jakartaDay(Date.now()));
/**
 * The selections and governments as announced, with the process as it starts (Metro in pendaftaran,
 * nothing counted, Pontianak on its 2024 calendar): what tests build their own selections on. What
 * the seed writes is further on: TODAY (onRunDate).
 */
export const SELECTIONS: Record<string, StoredSelection> = BASE_SELECTIONS;
export const INSTANSI: Record<string, InstansiDoc> = BASE_INSTANSI;
