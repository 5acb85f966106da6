/**
 * Demo data: the Kota Metro 2021 open selection (../shared/SCENARIOS.md) and, to show that one
 * deployment serves several governments, the Kota Pontianak 2024 selection.
 *
 * Facts from the news articles: the governments, the posts, "open to every ASN in Lampung province",
 * Pontianak's pansel of two provincial officials and three academics. Assumed (plausible filler, not
 * facts): every person's name, NIP, rank and post, the pansel members' names, Asisten I's full title.
 */
import type { InstansiDoc } from "../functions/src/domain/schemas/documents.js";
import type { PanselMember, SetupPost } from "../functions/src/domain/selection/setup.js";
import type { StoredSelection } from "../functions/src/domain/selection/stored.js";
import { DEFAULT_SCORING_PLAN, defaultRequirements } from "../functions/src/domain/selection/defaults.js";
import { INITIAL_PROCESS } from "../functions/src/domain/selection/stored.js";
import type { Golongan } from "../functions/src/domain/ranks.js";
import type { StaffRole } from "../functions/src/domain/roles.js";

export const DEMO_PASSWORD = "Seleksi2021";

export interface DemoStaff {
  readonly uid: string;
  readonly email: string;
  readonly name: string;
  readonly instansiId: string;
  readonly roles: readonly StaffRole[];
}

export interface DemoCandidate {
  readonly uid: string;
  readonly email: string;
  readonly name: string;
  readonly nip: string;
  readonly golongan: Golongan;
  readonly currentPost: string;
  readonly originInstansi: string;
}

export const INSTANSI: Record<string, InstansiDoc> = {
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
    // appointment planned for May 2024 falls in both, so it needs the Minister's approval.
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

export const SELECTIONS: Record<string, StoredSelection> = {
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

/** Twelve ASN of Lampung province, eligible-looking candidates for the Metro posts. */
export const CANDIDATES: DemoCandidate[] = [
  {
    uid: "demo-peserta-01",
    email: "peserta@metrokota.demo",
    name: "Drs. Ahmad Fauzi, M.Si.",
    nip: "197203151998031004",
    golongan: "IV/b",
    currentPost: "Sekretaris Bappeda",
    originInstansi: "Pemerintah Kota Metro",
  },
  {
    uid: "demo-peserta-02",
    email: "sri.wahyuni@metrokota.demo",
    name: "Sri Wahyuni, S.Pd., M.Pd.",
    nip: "197508222000032002",
    golongan: "IV/a",
    currentPost: "Sekretaris Dinas Pendidikan dan Kebudayaan",
    originInstansi: "Pemerintah Kota Metro",
  },
  {
    uid: "demo-peserta-03",
    email: "hendra.gunawan@lampungprov.demo",
    name: "Ir. Hendra Gunawan, M.T.",
    nip: "197011041997031003",
    golongan: "IV/b",
    currentPost: "Kepala Bidang Perumahan, Dinas Perkim Provinsi Lampung",
    originInstansi: "Pemerintah Provinsi Lampung",
  },
  {
    uid: "demo-peserta-04",
    email: "rina.marlina@metrokota.demo",
    name: "Rina Marlina, S.E., M.M.",
    nip: "197806122003122001",
    golongan: "IV/a",
    currentPost: "Kepala Bagian Perencanaan dan Keuangan",
    originInstansi: "Pemerintah Kota Metro",
  },
  {
    uid: "demo-peserta-05",
    email: "yusuf.effendi@lampungtengah.demo",
    name: "Yusuf Effendi, S.STP., M.Si.",
    nip: "198001172000121001",
    golongan: "IV/a",
    currentPost: "Camat Gunung Sugih",
    originInstansi: "Pemerintah Kabupaten Lampung Tengah",
  },
  {
    uid: "demo-peserta-06",
    email: "siti.rohmah@metrokota.demo",
    name: "Dra. Siti Rohmah, M.Pd.",
    nip: "196909251995032003",
    golongan: "IV/b",
    currentPost: "Kepala Bidang Kebudayaan, Disdikbud",
    originInstansi: "Pemerintah Kota Metro",
  },
  {
    uid: "demo-peserta-07",
    email: "agus.salim@lampungtimur.demo",
    name: "Agus Salim, S.T., M.T.",
    nip: "197604302002121002",
    golongan: "IV/a",
    currentPost: "Kepala Bidang Kedaruratan, BPBD Lampung Timur",
    originInstansi: "Pemerintah Kabupaten Lampung Timur",
  },
  {
    uid: "demo-peserta-08",
    email: "made.sudarsana@metrokota.demo",
    name: "I Made Sudarsana, S.H., M.H.",
    nip: "197312081999031005",
    golongan: "IV/b",
    currentPost: "Kepala Bagian Pemerintahan",
    originInstansi: "Pemerintah Kota Metro",
  },
  {
    uid: "demo-peserta-09",
    email: "lina.hartati@pesawaran.demo",
    name: "Lina Hartati, S.Sos., M.AP.",
    nip: "197910052005012004",
    golongan: "IV/a",
    currentPost: "Sekretaris Dinas Sosial",
    originInstansi: "Pemerintah Kabupaten Pesawaran",
  },
  {
    uid: "demo-peserta-10",
    email: "bayu.pratama@metrokota.demo",
    name: "Bayu Pratama, S.T., M.Eng.",
    nip: "198105262006041001",
    golongan: "IV/a",
    currentPost: "Kepala Bidang Permukiman, DPKP",
    originInstansi: "Pemerintah Kota Metro",
  },
  {
    uid: "demo-peserta-11",
    email: "ratna.dewi@lampungprov.demo",
    name: "Dr. Ratna Dewi, S.P., M.Si.",
    nip: "197402141998032001",
    golongan: "IV/b",
    currentPost: "Kepala Bidang Perencanaan Ekonomi, Bappeda Provinsi Lampung",
    originInstansi: "Pemerintah Provinsi Lampung",
  },
  {
    uid: "demo-peserta-12",
    email: "joko.susilo@metrokota.demo",
    name: "Joko Susilo, S.Kep., M.Kes.",
    nip: "197707192001121003",
    golongan: "IV/a",
    currentPost: "Sekretaris Dinas Kesehatan",
    originInstansi: "Pemerintah Kota Metro",
  },
];
