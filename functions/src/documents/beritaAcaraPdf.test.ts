import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import {
  beritaAcaraSnapshot,
  buildBeritaAcara,
  minutesAttendance,
  minutesPost,
  signedAtText,
  type BeritaAcaraSnapshot,
} from "../domain/documents/beritaAcara.js";
import { rankingFlags, type FlagResolution } from "../domain/scoring/calibration.js";
import { canonicalJson } from "../domain/scoring/postRanking.js";
import { renderAnnouncementPdf, sha256Hex } from "./announcementPdf.js";
import { rekapRanking } from "../../../test/fixtures/metro2021Rekap.js";
import { MEMBERS, METRO } from "../../../test/fixtures/metro2021Scoring.js";
import { INSTANSI } from "../../../seed/metro2021.js";

const result = rekapRanking(6);
const ranking = { json: canonicalJson(result), sha256: "cd".repeat(32), lockable: true };
const flags = rankingFlags(result);
const SIGNATURE = "M10 50L40 20L70 80L100 30L130 70L160 25L190 75L220 40L250 60L280 50";
const by = { uid: MEMBERS[0], name: METRO.pansel[0]!.name, role: "ketuaPansel" };
const resolutions: Record<string, FlagResolution> = Object.fromEntries(
  flags.map(({ key }, i) => [
    key,
    i === 0
      ? {
          outcome: "rescored",
          reason: "Anggota salah membaca rubrik presentasi; nilai dibuka kembali dan diisi ulang.",
          scoreId: "s1",
          scoreMemberUid: MEMBERS[4],
          by,
          at: "2021-11-19T03:00:00.000Z",
          rankingSha256: ranking.sha256,
        }
      : {
          outcome: "kept",
          reason: "Perbedaan pandangan sudah dibahas dan nilai dipertahankan.",
          scoreId: null,
          scoreMemberUid: null,
          by,
          at: "2021-11-19T03:00:00.000Z",
          rankingSha256: ranking.sha256,
        },
  ]),
);
const post = { name: "Kepala Bappeda", opd: "Bappeda" };
const summary = minutesPost(post, ranking, resolutions);
const members = METRO.pansel.map((m, i) => ({ ...m, uid: MEMBERS[i] }));
// Two members signed (14.05 and 14.07 WIB on the tablets), the others did not.
const attendance = minutesAttendance(
  members,
  new Map([
    [MEMBERS[0], { path: SIGNATURE, signedAtDevice: "2021-11-19T07:05:00.000Z" }],
    [MEMBERS[2], { path: SIGNATURE, signedAtDevice: "2021-11-19T07:07:30.000Z" }],
  ]),
);

function snapshot(): BeritaAcaraSnapshot {
  if ("code" in summary) throw new Error(summary.code);
  return beritaAcaraSnapshot.parse({
    kind: "beritaAcara",
    instansi: INSTANSI["kota-metro"]!,
    timeZone: "Asia/Jakarta",
    title: METRO.title,
    legalBasis: METRO.legalBasis,
    selectionId: "metro-2021-jpt",
    stage: "pemeringkatan",
    number: "013/BA/PANSEL-JPT/BKPSDM-MTR/XI/2021",
    issuedOn: "2021-11-20",
    posts: [summary],
    ...attendance,
    signatory: { name: METRO.pansel[0]!.name, title: "Ketua Panitia Seleksi" },
    verifyUrl: "https://seleksi.metrokota.go.id/verifikasi/metro-2021-jpt_pemeringkatan-beritaAcara-v1",
  });
}

async function textOf(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("the berita acara of a stage", { timeout: 30_000 }, () => {
  it("refuses a post whose ranking cannot be locked or has a flag nobody resolved", () => {
    expect(flags.length).toBeGreaterThan(0);
    expect(minutesPost(post, { ...ranking, lockable: false }, resolutions)).toMatchObject({
      code: "err.minutes.notLockable",
      params: { post: "Kepala Bappeda" },
    });
    const open = { ...resolutions };
    delete open[flags[0]!.key];
    expect(minutesPost(post, ranking, open)).toMatchObject({
      code: "err.minutes.unresolved",
      params: { post: "Kepala Bappeda", count: 1 },
    });
  });

  it("sums up the post: its SHA-256, ranked, eliminated, the 3 besar by name", () => {
    if ("code" in summary) throw new Error(summary.code);
    expect(summary).toMatchObject({ rankingSha256: ranking.sha256, ranked: 5, eliminated: 1, final: true });
    const names = new Map(result.candidates.map((c) => [c.applicationId, c.name]));
    expect(summary.goesOn).toEqual(result.finalists.map((id) => names.get(id)));
    expect(summary.flags[0]).toMatchObject({ outcome: "rescored", rescoredMember: METRO.pansel[4]!.name });
  });

  it("counts as present those who signed, in the committee's order, the rest absent", () => {
    expect(attendance.present.map((m) => m.name)).toEqual([METRO.pansel[0]!.name, METRO.pansel[2]!.name]);
    expect(attendance.absent).toHaveLength(METRO.pansel.length - 2);
    expect(signedAtText("2021-11-19T07:05:00.000Z", "Asia/Makassar")).toBe("19 November 2021 pukul 15.05 WITA");
  });

  it("prints the members present and absent, their signing times, every flag with its decision and reason", async () => {
    const text = await textOf(await renderAnnouncementPdf(buildBeritaAcara(snapshot())));
    expect(text).toContain("BERITA ACARA");
    expect(text).toContain("NOMOR: 013/BA/PANSEL-JPT/BKPSDM-MTR/XI/2021");
    for (const m of METRO.pansel) expect(text).toContain(m.name);
    expect(text).toContain("19 November 2021 pukul 14.05 WIB");
    expect(text).toContain("19 November 2021 pukul 14.07 WIB");
    expect(text).toContain("Hadir dan menandatangani (2 orang)");
    expect(text).toContain(`Tidak hadir atau tidak menandatangani (${METRO.pansel.length - 2} orang)`);
    expect(text).toContain("Anggota salah membaca rubrik presentasi");
    expect(text).toContain(`nilai ${METRO.pansel[4]!.name} dibuka kembali`);
    if (flags.length > 1) expect(text).toContain("Nilai tetap");
    expect(text).toContain("cdcdcdcdcdcdcdcd cdcdcdcdcdcdcdcd");
    for (const id of result.finalists)
      expect(text).toContain(result.candidates.find((c) => c.applicationId === id)!.name);
  });

  it("draws each signature from its stored strokes, and the same bytes from the same snapshot", async () => {
    const model = buildBeritaAcara(snapshot());
    const sheet = model.sections.find((s) => s.kind === "chart");
    if (sheet?.kind !== "chart") throw new Error("the signature sheet expected");
    expect(sheet.chart.shapes.filter((s) => s.kind === "path").map((s) => s.kind === "path" && s.d)).toEqual([
      SIGNATURE,
      SIGNATURE,
    ]);
    const bytes = await renderAnnouncementPdf(model);
    const again = await renderAnnouncementPdf(buildBeritaAcara(snapshot()));
    expect(sha256Hex(again)).toBe(sha256Hex(bytes));
  });
});
