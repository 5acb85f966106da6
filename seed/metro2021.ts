/**
 * Demo data: the Kota Metro 2021 open selection (../shared/SCENARIOS.md) and, to show that one
 * deployment serves several governments, the Kota Pontianak 2024 selection.
 *
 * Facts from the news articles: the governments, the posts, "open to every ASN in Lampung province",
 * Pontianak's pansel of two provincial officials and three academics. Assumed (plausible filler, not
 * facts): every person's name, NIP, rank and post, the pansel members' names, Asisten I's full title.
 */
import type { InstansiDoc, PanselMemberDoc, PostDoc, SelectionDoc } from "../functions/src/domain/schemas/documents.js";
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
  },
  "kota-pontianak": {
    name: "Pemerintah Kota Pontianak",
    shortName: "Kota Pontianak",
    province: "Kalimantan Barat",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Pontianak",
    address: "Jl. Rahadi Usman No. 3, Pontianak",
    website: "pontianak.go.id",
  },
};

const METRO_POSTS: PostDoc[] = [
  {
    id: "asisten-1",
    name: "Asisten Pemerintahan dan Kesejahteraan Rakyat (Asisten I)",
    opd: "Sekretariat Daerah",
    level: "jptPratama",
  },
  { id: "bappeda", name: "Kepala Badan Perencanaan Pembangunan Daerah", opd: "Bappeda", level: "jptPratama" },
  { id: "disdikbud", name: "Kepala Dinas Pendidikan dan Kebudayaan", opd: "Disdikbud", level: "jptPratama" },
  { id: "bpbd", name: "Kepala Pelaksana Badan Penanggulangan Bencana Daerah", opd: "BPBD", level: "jptPratama" },
  { id: "dpkp", name: "Kepala Dinas Perumahan dan Permukiman", opd: "DPKP", level: "jptPratama" },
];

const METRO_PANSEL: PanselMemberDoc[] = [
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

const PONTIANAK_POSTS: PostDoc[] = [
  { id: "sekda", name: "Sekretaris Daerah", opd: "Sekretariat Daerah", level: "jptMadya" },
  { id: "bapenda", name: "Kepala Badan Pendapatan Daerah", opd: "Bapenda", level: "jptPratama" },
  {
    id: "dinkop-ump",
    name: "Kepala Dinas Koperasi, Usaha Mikro dan Perdagangan",
    opd: "Dinas Koperasi UMP",
    level: "jptPratama",
  },
  {
    id: "dp2kbp3a",
    name: "Kepala Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
    opd: "DP2KBP3A",
    level: "jptPratama",
  },
];

const PONTIANAK_PANSEL: PanselMemberDoc[] = [
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

export const SELECTIONS: Record<string, SelectionDoc> = {
  "metro-2021-jpt": {
    instansiId: "kota-metro",
    instansiName: "Pemerintah Kota Metro",
    title: "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Kota Metro Tahun 2021",
    year: 2021,
    stage: "pendaftaran",
    public: true,
    announcedAt: "2021-09-20T08:00:00+07:00",
    openTo: "ASN di lingkungan Provinsi Lampung yang memenuhi persyaratan",
    posts: METRO_POSTS,
    pansel: METRO_PANSEL,
    panselUids: ["demo-pansel-metro"],
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
    posts: PONTIANAK_POSTS,
    pansel: PONTIANAK_PANSEL,
    panselUids: [],
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
