// `npm run bench` (rekap part): the rekapitulasi nilai PDF of one post with 500 candidates, each
// scored by 5 members in the default plan (the assessment imported, paper and interview by rubric,
// the track record by number), as issueRekap renders it from the stored ranking: the document model,
// the table over many pages, the ranking chart and the spread plot as vectors, the QR code.
// Expects the functions built (functions/lib). Prints the median of several renderings, the peak
// resident memory of the process, and the PDF's size and pages; asserts nothing (targets: < 1 s,
// < 150 MiB).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_SCORING_PLAN } from "../functions/lib/domain/selection/defaults.js";
import { canonicalJson, computePostRanking } from "../functions/lib/domain/scoring/postRanking.js";
import { buildRekap } from "../functions/lib/domain/documents/rekap.js";
import { renderAnnouncementPdf, sha256Hex } from "../functions/lib/documents/announcementPdf.js";

const CANDIDATES = 500;
const MEMBERS = ["m-bambang", "m-rusdi", "m-hartini", "m-fikri", "m-nurul"];
const NAMES = [
  "Dr. Ani Lestari, S.E., M.M.",
  "Ir. Budi Santoso, M.T.",
  "Citra Dewi, S.H., M.H.",
  "Drs. Dedi Kurniawan, M.Si.",
];
const RUNS = Number(process.env["SELEKSI_BENCH_RUNS"] ?? 5);

const plan = {
  ...DEFAULT_SCORING_PLAN,
  components: DEFAULT_SCORING_PLAN.components.map((c) =>
    c.id === "asesmen" ? { ...c, imported: { rawMax: 400 } } : c,
  ),
};
const rubric = (id) => plan.components.find((c) => c.id === id).rubric;
const levelsOf = rubric("makalah").levels.map((l) => l.score);

const applications = Array.from({ length: CANDIDATES }, (_, i) => ({
  applicationId: `bench_bappeda_c${String(i).padStart(4, "0")}`,
  postId: "bappeda",
  status: "ms",
  name: `${NAMES[i % NAMES.length]} (${i + 1})`,
  nip: `19${String(60 + (i % 30))}${String((i % 12) + 1).padStart(2, "0")}${String((i % 28) + 1).padStart(2, "0")}19${String(85 + (i % 15))}${String((i % 12) + 1).padStart(2, "0")}1${String(i % 1000).padStart(3, "0")}`,
}));
const scores = [];
applications.forEach((a, i) => {
  MEMBERS.forEach((memberUid, m) => {
    const base = { applicationId: a.applicationId, memberUid, note: "", status: "submitted" };
    for (const id of ["makalah", "wawancara"]) {
      const level = levelsOf[(i + m * (i % 7 === 0 ? 2 : 0)) % levelsOf.length];
      const levels = Object.fromEntries(rubric(id).indicators.map((ind) => [ind.id, level]));
      scores.push({ ...base, componentId: id, levels, value: null });
    }
    scores.push({ ...base, componentId: "rekam-jejak", levels: null, value: 60 + ((i * 7 + m) % 40) });
  });
});
const sources = {
  plan,
  selectionId: "bench",
  postId: "bappeda",
  stage: "pemeringkatan",
  members: MEMBERS.map((uid, i) => ({ uid, name: `Anggota Pansel ${i + 1}` })),
  applications,
  scores,
  imported: applications.map((a, i) => ({
    applicationId: a.applicationId,
    componentId: "asesmen",
    marks: (250 + ((i * 13) % 150)) * 100,
  })),
  conflicts: MEMBERS.map((memberUid) => ({
    memberUid,
    entries: applications.map((a) => ({ applicationId: a.applicationId, kind: "none" })),
  })),
};

const rankingStart = performance.now();
const result = computePostRanking(sources);
const json = canonicalJson(result);
const rankingMs = performance.now() - rankingStart;
const snapshot = {
  kind: "rekapNilai",
  instansi: {
    name: "Pemerintah Kota Metro",
    shortName: "Kota Metro",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    address: "Jl. A.H. Nasution No. 5, Metro",
    website: "metrokota.go.id",
  },
  title: "Seleksi Terbuka JPT Pratama Kota Metro 2021",
  legalBasis: ["Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"],
  selectionId: "bench",
  post: { id: "bappeda", name: "Kepala Badan Perencanaan Pembangunan Daerah", opd: "Bappeda" },
  number: "012/REKAP/PANSEL-JPT/BKPSDM-MTR/XI/2021",
  issuedOn: "2021-11-20",
  rankingJson: json,
  rankingSha256: sha256Hex(Buffer.from(json, "utf8")),
  signatory: { name: "Drs. H. Bambang Irawan, M.M.", title: "Ketua Panitia Seleksi" },
  verifyUrl: "https://seleksi.example.go.id/verifikasi/bench_bappeda_pemeringkatan-rekapNilai-v1",
};

global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const times = [];
const cpu = [];
let pdf;
for (let run = 0; run <= RUNS; run++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  pdf = await renderAnnouncementPdf(buildRekap(snapshot));
  // The first run loads and subsets the fonts for the first time: printed apart.
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  peak = Math.max(peak, process.memoryUsage().rss);
}
clearInterval(sampler);
const [first, ...rest] = times;
rest.sort((a, b) => a - b);
const cpuRest = cpu.slice(1).sort((a, b) => a - b);
const pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
console.log(
  `rekap bench: ${CANDIDATES} candidates × ${MEMBERS.length} members × ${plan.components.length} components ` +
    `(${result.ranked.length} ranked, ${result.eliminated.length} out, ${result.spread.cells.length} spread flags)`,
);
console.log(
  `  ranking from ${scores.length} scores + canonical JSON (${(json.length / 1024).toFixed(0)} KiB): ${rankingMs.toFixed(0)} ms`,
);
console.log(
  `  PDF: median ${rest[Math.floor(rest.length / 2)].toFixed(0)} ms (fastest ${rest[0].toFixed(0)}, slowest ${rest.at(-1).toFixed(0)}, ` +
    `first ${first.toFixed(0)}) over ${RUNS} runs, CPU median ${cpuRest[Math.floor(cpuRest.length / 2)].toFixed(0)} ms; ` +
    `${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB`,
);
console.log(
  `  peak memory: ${mib(peak)} MiB resident, ${mib(before)} MiB before rendering (Node, the modules, the scores and ` +
    `the ranking), so +${mib(peak - before)} MiB for the PDF (process maxRSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB); ` +
    `load average ${os.loadavg()[0].toFixed(1)}; targets < 1 s, < 150 MiB`,
);

// The same rendering in a process of its own holding only the snapshot, as the issuing function's
// instance does: its whole peak memory, cold (fonts loaded for the first time). Node frees the
// buffers pdfkit discards only when V8 collects their handles, so the peak depends on how lazily it
// does; the second figure caps the heap (as a deployment may, with NODE_OPTIONS), trading CPU for memory.
const dir = mkdtempSync(join(os.tmpdir(), "seleksi-rekap-"));
try {
  const file = join(dir, "snapshot.json");
  writeFileSync(file, JSON.stringify(snapshot));
  const script = new URL("./lib/render-rekap-once.mjs", import.meta.url).pathname;
  for (const [label, flags] of [
    ["default heap", []],
    [
      "heap capped (--max-old-space-size=96 --max-semi-space-size=1)",
      ["--max-old-space-size=96", "--max-semi-space-size=1"],
    ],
  ]) {
    const one = JSON.parse(execFileSync(process.execPath, [...flags, script, file], { encoding: "utf8" }));
    console.log(
      `  one rekap in its own process, ${label}: ${one.ms.toFixed(0)} ms (CPU ${one.cpuMs.toFixed(0)} ms, cold), ` +
        `peak memory (maxRSS) ${one.maxRssMiB.toFixed(1)} MiB; target < 150 MiB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
