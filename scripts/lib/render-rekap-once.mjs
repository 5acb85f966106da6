// One rekap rendered in a process of its own, as issueRekap's instance does: it holds the snapshot
// (read from the file named by the first argument), not the scores the bench ranked it from. Prints
// one JSON line: wall and CPU time, and the process's peak resident memory (maxRSS).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { buildRekap } from "../../functions/lib/domain/documents/rekap.js";
import { renderAnnouncementPdf } from "../../functions/lib/documents/announcementPdf.js";

const snapshot = JSON.parse(readFileSync(process.argv[2], "utf8"));
const start = performance.now();
const cpuStart = process.cpuUsage();
const pdf = await renderAnnouncementPdf(buildRekap(snapshot));
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    ms: performance.now() - start,
    cpuMs: (cpu.user + cpu.system) / 1000,
    bytes: pdf.length,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
