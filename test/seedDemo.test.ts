/**
 * The demo the seed writes, checked without an emulator: every document parses with the schema the
 * functions and screens read it with, Metro's story holds together (profiles → eligibility → MS/TMS →
 * one open objection → counts), every generated file is what its manifest says and would pass the
 * completion check, and Pontianak's registration is open whatever day `npm start` runs.
 */
import { inflateSync } from "node:zlib";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import {
  applicationId,
  applicationReview,
  storedApplication,
  type StoredApplication,
} from "../functions/src/domain/applications/application.js";
import { registrationClosesAtMs, registrationOpen } from "../functions/src/domain/applications/window.js";
import {
  addDays,
  parseIsoDate,
  subtractMonths,
  toIsoDate,
  type CalendarDate,
} from "../functions/src/domain/calendar.js";
import {
  checkEligibility,
  type EligibilityStatus,
  type Requirement,
} from "../functions/src/domain/eligibility/check.js";
import { isOpenTo } from "../functions/src/domain/eligibility/openTo.js";
import { uploadDecision, uploadManifest } from "../functions/src/domain/files/manifest.js";
import { SNIFF_BYTES, checkUpload, planChunks, sniffType } from "../functions/src/domain/files/upload.js";
import { DEFAULT_PROFILE, profileById } from "../functions/src/domain/regulation/profiles.js";
import { profileDoc } from "../functions/src/domain/schemas/documents.js";
import { candidateProfile, profileCompleteness } from "../functions/src/domain/schemas/profile.js";
import { approvalReasons, plannedAppointmentDate } from "../functions/src/domain/selection/appointment.js";
import { storedSelection } from "../functions/src/domain/selection/stored.js";
import { buildAdministrativeResult, resultSnapshot } from "../functions/src/domain/documents/administrativeResult.js";
import { documentRecord } from "../functions/src/domain/documents/record.js";
import { renderAnnouncementPdf } from "../functions/src/documents/announcementPdf.js";
import { countsOf, parsedProfile } from "../seed/applications.js";
import { tinyPdf, tinyPng } from "../seed/files.js";
import { CANDIDATES, STAFF, jakartaDay, onRunDate, pontianakCandidate } from "../seed/metro2021.js";
import { storedProfile } from "../seed/profiles.js";
import { ASSESSMENT_RAW_MAX, SCORING_AS_OF, SCORING_SELECTION_ID } from "../seed/scoring.js";
import { importedScoreId, storedImportedScore } from "../functions/src/domain/scoring/assessmentImport.js";
import {
  conflictsId,
  kindsOf,
  storedConflicts,
  validateDeclaration,
} from "../functions/src/domain/scoring/conflicts.js";
import { scoreId, storedScore, validateScore } from "../functions/src/domain/scoring/score.js";
import { STAGES } from "../functions/src/domain/stages.js";

const RUN_DAY: CalendarDate = { year: 2026, month: 12, day: 2 };
const demo = onRunDate(RUN_DAY);
const METRO_ID = "metro-2021-jpt";
const metro = demo.selections[METRO_ID]!;
const pontianak = demo.selections["pontianak-2024-jpt"]!;
const apps = demo.applications;
const byUid = (uid: string) => apps.find((a) => a.application.candidateUid === uid)!;

describe("demo profiles", () => {
  it.each(demo.candidates.map((c) => [c.email, c] as const))("%s parses as a full profile", (_email, c) => {
    const doc = storedProfile(c, RUN_DAY);
    const parsed = candidateProfile(RUN_DAY).safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(profileCompleteness(parsed.data!)).toEqual({ missing: [], percent: 100 });
    // The sign-up fields stay as registerCandidate and confirmNip write them.
    expect(profileDoc.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ nipStatus: "confirmed", birthDate: doc.birthDate, currentInstansi: c.originInstansi });
    expect(doc.birthDate).toBe(`${c.nip.slice(0, 4)}-${c.nip.slice(4, 6)}-${c.nip.slice(6, 8)}`);
  });

  it("places every Metro candidate in Lampung and the Pontianak one in Kalimantan Barat", () => {
    for (const c of CANDIDATES) expect(storedProfile(c, RUN_DAY).province).toBe("Lampung");
    const ptk = demo.candidates.find((c) => c.email === "peserta@pontianak.demo")!;
    expect(storedProfile(ptk, RUN_DAY)).toMatchObject({
      province: "Kalimantan Barat",
      currentInstansi: "Pemerintah Kota Pontianak",
    });
    expect(new Set(demo.candidates.map((c) => c.nip)).size).toBe(demo.candidates.length);
    expect(new Set(demo.candidates.map((c) => c.uid)).size).toBe(demo.candidates.length);
  });
});

type Shown = Partial<Record<Requirement, EligibilityStatus>>;
const ELIGIBLE: Shown = {
  age: "met",
  rank: "met",
  education: "met",
  yearsInPost: "met",
  // Enough years in total; whether they were in the post's field is the verifier's call.
  yearsRelevant: "unknown",
  performance: "met",
};

describe("what the eligibility check shows each Metro candidate", () => {
  const referenceDate = parseIsoDate(metro.referenceDate)!;
  const expected: Record<string, Shown> = {
    "demo-peserta-09": { ...ELIGIBLE, yearsInPost: "notMet" },
    "demo-peserta-10": { ...ELIGIBLE, rank: "notMet" },
  };
  it.each(CANDIDATES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const a = byUid(c.uid).application;
    const post = metro.posts.find((p) => p.id === a.postId)!;
    const shown = checkEligibility(parsedProfile(c), post, DEFAULT_PROFILE, referenceDate);
    const statuses = Object.fromEntries(shown.map((r) => [r.requirement, r.status]));
    expect(statuses).toEqual(expected[c.uid] ?? ELIGIBLE);
    // What the application stored at the lock is what the check says.
    expect(a.eligibility).toEqual(shown.map((r) => ({ ...r, params: { ...r.params } })));
    // The open-to rule (ASN of Lampung) lets every one of them apply.
    expect(isOpenTo(metro.openToRule!, parsedProfile(c)).status).toBe("met");
    // The operators' MS/TMS agrees with what the check can tell.
    expect(a.status).toBe(shown.some((r) => r.status === "notMet") ? "tms" : "ms");
  });

  it("names the shortfall in the candidate's own words: rank III/d, 1 year in the administrator post", () => {
    const rank = byUid("demo-peserta-10").application.eligibility!.find((r) => r.requirement === "rank")!;
    expect(rank).toMatchObject({
      code: "elig.rank",
      params: { rank: "Penata Tingkat I, III/d", min: "Pembina, IV/a" },
    });
    const tenure = byUid("demo-peserta-09").application.eligibility!.find((r) => r.requirement === "yearsInPost")!;
    expect(tenure).toMatchObject({ status: "notMet", params: { years: 1, min: 2 } });
  });

  it("gives the Pontianak candidate a varied check: the Sekda post asks IV/c, Bapenda IV/a", () => {
    const c = demo.candidates.find((x) => x.uid === "demo-peserta-pontianak")!;
    const on = parseIsoDate(pontianak.referenceDate)!;
    const check = (postId: string) =>
      Object.fromEntries(
        checkEligibility(
          parsedProfile(c),
          pontianak.posts.find((p) => p.id === postId)!,
          DEFAULT_PROFILE,
          on,
        ).map((r) => [r.requirement, r.status]),
      );
    expect(check("sekda")).toMatchObject({ rank: "notMet", education: "met", performance: "met" });
    expect(check("bapenda")).toEqual(ELIGIBLE);
    expect(isOpenTo(pontianak.openToRule!, parsedProfile(c)).status).toBe("met");
  });
});

describe("Metro's applications, reviews and counts", () => {
  it("has one application per candidate, each parsing as stored, under its derived id", () => {
    expect(apps).toHaveLength(12);
    expect(new Set(apps.map((a) => a.application.candidateUid))).toEqual(new Set(CANDIDATES.map((c) => c.uid)));
    for (const a of apps) {
      expect(storedApplication.parse(a.application)).toEqual(a.application);
      expect(applicationReview.parse(a.review)).toEqual(a.review);
      expect(a.id).toBe(applicationId(METRO_ID, a.application.postId, a.application.candidateUid));
    }
  });

  it("is at the announced administrative result: ten MS, two TMS with reasons, one objection open", () => {
    expect(metro.stage).toBe("pengumumanAdministrasi");
    expect(storedSelection.parse(metro)).toEqual(metro);
    const statuses = apps.map((a) => a.application.status);
    expect(statuses.filter((s) => s === "ms")).toHaveLength(10);
    expect(statuses.filter((s) => s === "tms")).toHaveLength(2);
    for (const { application: a, review } of apps) {
      expect(a.reviewed).toBe(true);
      // The announced result is the review's decision, with the reasons the candidate reads.
      expect(a.result).toEqual(review.verification);
      expect(a.result!.decision).toBe(a.status);
      expect(a.result!.reasons.length > 0).toBe(a.status === "tms");
      expect(a.result!.byUid).toBe("demo-operator-metro");
      expect(STAFF.find((s) => s.uid === a.result!.byUid)?.instansiId).toBe(a.instansiId);
    }
    const objections = apps.filter((a) => a.application.objection !== null);
    expect(objections.map((a) => a.application.candidateUid)).toEqual(["demo-peserta-10"]);
    const objection = objections[0]!.application.objection!;
    expect(objection).toMatchObject({ status: "open", answer: null, answeredAt: null });
    // Filed inside the 2021 window (the pengumumanAdministrasi stage, WIB days)…
    const window = metro.schedule.pengumumanAdministrasi!;
    const filedDay = toIsoDate(jakartaDay(Date.parse(objection.filedAt)));
    expect(filedDay >= window.start && filedDay <= window.end).toBe(true);
    // …and due a week after the run date, so the operator can still answer it in the demo.
    const runStart = Date.parse(`${toIsoDate(RUN_DAY)}T00:00:00+07:00`);
    expect(Date.parse(objection.answerDue)).toBeGreaterThan(runStart + 6 * 86_400_000);
    expect(toIsoDate(jakartaDay(Date.parse(objection.answerDue)))).toBe(toIsoDate(addDays(RUN_DAY, 7)));
  });

  it("counts what the applications say, the stored counts included", () => {
    const postIds = metro.posts.map((p) => p.id);
    expect(metro.counts).toEqual(
      countsOf(
        postIds,
        apps.map((a) => a.application),
      ),
    );
    expect(metro.counts).toEqual({
      applicantsPerPost: { "asisten-1": 4, bappeda: 4, disdikbud: 2, bpbd: 1, dpkp: 1 },
      unverifiedApplications: 0,
      openObjections: 1,
      unlockedScores: 0,
    });
    // The posts below the regulation's minimum went on by a recorded decision after two extensions.
    for (const [postId, n] of Object.entries(metro.counts.applicantsPerPost)) {
      if (n < DEFAULT_PROFILE.applicants.minPerPost) {
        expect(metro.extensions[postId]).toBe(DEFAULT_PROFILE.applicants.maxExtensions);
        expect(metro.postDecisions[postId]).toBe("continueWithDecision");
      }
    }
  });

  it("counts only locked applications as applicants, undecided ones as unverified, open objections", () => {
    const base = apps[0]!.application;
    const variant = (patch: Partial<StoredApplication>): StoredApplication => ({ ...base, ...patch });
    const counts = countsOf(
      [base.postId, "bpbd"],
      [
        variant({ status: "draft", reviewed: false, result: null }),
        variant({ status: "withdrawn" }),
        variant({ status: "submitted", reviewed: false, result: null }),
        variant({ status: "submitted", reviewed: true, result: null }),
        variant({ status: "ms" }),
        variant({ status: "tms", objection: { ...apps.find((a) => a.application.objection)!.application.objection! } }),
        variant({
          status: "ms",
          objection: { ...apps.find((a) => a.application.objection)!.application.objection!, status: "accepted" },
        }),
      ],
      3,
    );
    expect(counts).toEqual({
      applicantsPerPost: { [base.postId]: 5, bpbd: 0 },
      unverifiedApplications: 1,
      openObjections: 1,
      unlockedScores: 3,
    });
  });

  it("keeps the fields the rules scope by consistent across application, review, manifests and profiles", () => {
    const uploadIds = new Set<string>();
    for (const { id, application: a, review, uploads } of apps) {
      expect(a.instansiId).toBe(metro.instansiId);
      expect(a.selectionId).toBe(METRO_ID);
      expect(a.postName).toBe(metro.posts.find((p) => p.id === a.postId)!.name);
      const candidate = CANDIDATES.find((c) => c.uid === a.candidateUid)!;
      expect([a.nip, a.candidateName, a.profile!.nip]).toEqual([candidate.nip, candidate.name, candidate.nip]);
      expect(review).toMatchObject({ instansiId: a.instansiId, selectionId: a.selectionId, postId: a.postId });
      for (const u of uploads) {
        expect(u.manifest).toMatchObject({
          ownerUid: a.candidateUid,
          instansiId: a.instansiId,
          selectionId: a.selectionId,
          applicationId: id,
          postId: a.postId,
        });
        expect(a.documents[u.manifest.documentType]).toEqual({
          fileId: u.fileId,
          fileName: u.manifest.fileName,
          mimeType: u.manifest.mimeType,
          size: u.manifest.size,
          status: "accepted",
          rejection: null,
        });
        expect(review.documents[u.manifest.documentType]).toMatchObject({ fileId: u.fileId, result: "valid" });
        uploadIds.add(u.fileId);
      }
      // Every required entry of the post's checklist has its file; nothing else is on it.
      const required = metro.posts.find((p) => p.id === a.postId)!.requirements.documents.filter((d) => d.required);
      expect(Object.keys(a.documents).sort()).toEqual(required.map((d) => d.id).sort());
    }
    expect(uploadIds.size).toBe(apps.reduce((n, a) => n + a.uploads.length, 0));
  });
});

describe("Metro's published administrative result", () => {
  const [result] = demo.results;
  const published = metro.administrativeResult!;

  it("lists the MS candidates of each post with masked NIPs, never a TMS one, as the approval does", () => {
    expect(storedSelection.parse(metro).administrativeResult).toEqual(published);
    expect(published.documentId).toBe("metro-2021-jpt-hasilAdministrasi-v1");
    expect(published.number).toBe("001/PENG/PANSEL-JPT/BKPSDM-MTR/X/2021");
    expect(Object.keys(published.ms).sort()).toEqual(metro.posts.map((p) => p.id).sort());
    for (const post of metro.posts) {
      const ms = apps.filter((a) => a.application.postId === post.id && a.application.status === "ms");
      expect(published.ms[post.id]!.map((c) => c.name).sort()).toEqual(
        ms.map((a) => a.application.candidateName).sort(),
      );
      for (const c of published.ms[post.id]!) expect(c.nip).toMatch(/^\d{6}\*{8}\d{4}$/);
    }
    expect(Object.values(published.ms).flat()).toHaveLength(10);
    const names = Object.values(published.ms).flatMap((list) => list.map((c) => c.name));
    expect(names).not.toContain(byUid("demo-peserta-10").application.candidateName);
    expect(names).not.toContain(byUid("demo-peserta-09").application.candidateName);
  });

  it("opened the objection window Bayu filed in, and which has long closed", () => {
    expect(published.objectionLastDay).toBe("2021-10-28");
    expect(published.objectionClosesAtMs).toBe(Date.parse("2021-10-28T23:59:59.999+07:00") + 1);
    const filed = Date.parse(byUid("demo-peserta-10").application.objection!.filedAt);
    expect(filed).toBeGreaterThan(Date.parse(published.publishedAt));
    expect(filed).toBeLessThan(published.objectionClosesAtMs);
  });

  it("has a record and snapshot that parse, and a PDF with the MS names and masked NIPs only", async () => {
    expect(documentRecord.parse(result!.record)).toMatchObject({
      kind: "hasilAdministrasi",
      number: published.number,
      fileId: published.documentId,
      issuedOn: "2021-10-25",
    });
    expect(result!.snapshot.verifyUrl).toBe("http://127.0.0.1:5100/verifikasi/metro-2021-jpt-hasilAdministrasi-v1");
    expect(result!.counter).toEqual({ instansiId: "kota-metro", id: "2021", next: 2 });
    const pdf = await renderAnnouncementPdf(buildAdministrativeResult(resultSnapshot.parse(result!.snapshot)));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(published.number);
    for (const c of Object.values(published.ms).flat()) {
      expect(flat).toContain(c.name);
      expect(flat).toContain(c.nip);
    }
    for (const a of apps) expect(flat).not.toContain(a.application.nip);
    expect(flat).not.toContain(byUid("demo-peserta-10").application.candidateName);
  }, 30_000);
});

describe("the generated files", () => {
  const uploads = apps.flatMap((a) => a.uploads.map((u) => ({ ...u, postId: a.application.postId })));

  it("are what their manifests say and pass the completion check", () => {
    expect(uploads.length).toBeGreaterThan(100);
    for (const u of uploads) {
      expect(uploadManifest.parse(u.manifest)).toMatchObject({ status: "accepted" });
      expect(uploadDecision.parse(u.manifest)).toMatchObject({ status: "accepted" });
      const sha256 = createHash("sha256").update(u.bytes).digest("hex");
      expect([u.manifest.sha256, u.manifest.size]).toEqual([sha256, u.bytes.length]);
      const requirement = metro.posts
        .find((p) => p.id === u.postId)!
        .requirements.documents.find((d) => d.id === u.manifest.documentType);
      const facts = {
        chunks: [{ index: 0, size: u.bytes.length }],
        size: u.bytes.length,
        sha256,
        detected: sniffType(u.bytes.subarray(0, SNIFF_BYTES)),
      };
      const check = checkUpload({ ...u.manifest, status: "complete" }, facts, requirement);
      expect(check).toEqual({ accepted: true, format: u.manifest.verified!.format });
      expect(u.manifest.verified).toEqual({
        size: u.bytes.length,
        sha256,
        format: check.accepted && check.format,
        chunkCount: 1,
      });
      expect(planChunks(u.bytes.length)).toMatchObject({ ok: true, count: u.manifest.chunkCount });
    }
    expect(new Set(uploads.map((u) => u.manifest.mimeType))).toEqual(new Set(["application/pdf", "image/png"]));
  });

  it("are byte for byte the same on every run", () => {
    const again = onRunDate(addDays(RUN_DAY, 40)).applications.flatMap((a) => a.uploads);
    expect(again.map((u) => u.manifest.sha256)).toEqual(uploads.map((u) => u.manifest.sha256));
    expect(tinyPng("x")).toEqual(tinyPng("x"));
    expect(tinyPdf("t", ["a"])).toEqual(tinyPdf("t", ["a"]));
  });

  it("include PDFs a PDF reader opens, with the candidate's name", async () => {
    const pdf = byUid("demo-peserta-10").uploads.find((u) => u.manifest.documentType === "sk-pangkat")!;
    const doc = await getDocumentProxy(new Uint8Array(pdf.bytes));
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain("SK pangkat terakhir");
    expect(text).toContain("Bayu Pratama, S.T., M.Eng.");
    expect(text).toContain("Penata Tingkat I, III/d");
  });

  it("include PNGs whose chunks and pixels are well formed", () => {
    const png = uploads.find((u) => u.manifest.mimeType === "image/png")!.bytes;
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    const types: string[] = [];
    let idat: Uint8Array = new Uint8Array(0);
    for (let at = 8; at < png.length;) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
      const crc = view.getUint32(at + 8 + length);
      expect(crc, type).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      if (type === "IDAT") idat = png.subarray(at + 8, at + 8 + length);
      types.push(type);
      at += 12 + length;
    }
    expect(types).toEqual(["IHDR", "IDAT", "IEND"]);
    const [width, height] = [view.getUint32(16), view.getUint32(20)];
    expect(inflateSync(idat).length).toBe(height * (width + 1));
  });
});

describe("Pontianak's open registration", () => {
  const runDays = ["2026-12-02", "2027-02-28", "2028-02-29", "2031-07-15"].map((d) => parseIsoDate(d)!);

  it.each(runDays.map((d) => [toIsoDate(d), d] as const))("is open when the seed runs on %s", (_label, day) => {
    const s = onRunDate(day).selections["pontianak-2024-jpt"]!;
    expect(storedSelection.parse(s)).toEqual(s);
    const seededAt = Date.parse(`${toIsoDate(day)}T23:59:59+07:00`);
    const closes = registrationClosesAtMs(s.schedule, "Asia/Jakarta");
    expect(registrationOpen(s.stage, closes, seededAt)).toBe(true);
    // Open for 8 days already, a week left to try it.
    expect(toIsoDate(addDays(parseIsoDate(s.schedule.pendaftaran!.start)!, 8))).toBe(toIsoDate(day));
    expect(s.schedule.pendaftaran!.end).toBe(toIsoDate(addDays(day, 7)));
    expect(s.referenceDate).toBe(s.schedule.pendaftaran!.end);
    expect(s.title).toBe(`Seleksi Terbuka Jabatan Pimpinan Tinggi Kota Pontianak Tahun ${s.year}`);
    expect(s).toMatchObject({ stage: "pendaftaran", openToRule: { scope: "national" }, maxPostsPerCandidate: 2 });
    // The acting mayor and the election moved with it: the appointment still needs the Minister.
    const instansi = onRunDate(day).instansi["kota-pontianak"]!;
    const kinds = approvalReasons(instansi, DEFAULT_PROFILE, [plannedAppointmentDate(s.schedule)!]).map((r) => r.kind);
    expect(kinds.sort()).toEqual(["actingHead", "electionWindow"]);
  });

  it("has a checklist per post with formats and size limits, and no application yet", () => {
    for (const post of pontianak.posts) {
      expect(post.requirements.documents.length).toBeGreaterThan(5);
      for (const d of post.requirements.documents) {
        expect(d.formats.length).toBeGreaterThan(0);
        expect(d.maxSizeKb).toBeGreaterThanOrEqual(1024);
      }
    }
    expect(apps.some((a) => a.application.selectionId === "pontianak-2024-jpt")).toBe(false);
    expect(pontianakCandidate(2026).performance.map((p) => p.year)).toEqual([2024, 2025]);
  });

  it("leaves Metro and Serang as they are whatever the run date", () => {
    const other = onRunDate(parseIsoDate("2030-01-01")!);
    expect(other.selections[METRO_ID]).toEqual(metro);
    expect(other.selections["serang-2026-jpt"]).toEqual(demo.selections["serang-2026-jpt"]);
  });
});

describe("demo scoring (the 2021 uji kompetensi, in its interview stage)", () => {
  const scoring = demo.scoring;
  const selection = demo.selections[SCORING_SELECTION_ID]!;
  const plan = selection.scoringPlan;

  it("is a selection in a scoring stage whose documents all parse with the domain's schemas", () => {
    expect(storedSelection.safeParse(selection).success).toBe(true);
    expect(selection.stage).toBe("wawancara");
    for (const a of scoring.applications) {
      expect(storedApplication.parse(a.application)).toEqual(a.application);
      expect(a.id).toBe(applicationId(SCORING_SELECTION_ID, a.application.postId, a.application.candidateUid));
      expect(a.application.status).toBe("ms");
    }
    for (const c of scoring.conflicts) expect(storedConflicts.parse(c.doc)).toEqual(c.doc);
    for (const i of scoring.imported) expect(storedImportedScore.parse(i.doc)).toEqual(i.doc);
    for (const sc of scoring.scores) expect(storedScore.parse(sc.doc)).toEqual(sc.doc);
    // No demo candidate gets a second application: the officials have no accounts.
    const uids = new Set(demo.candidates.map((c) => c.uid));
    expect(scoring.applications.some((a) => uids.has(a.application.candidateUid))).toBe(false);
  });

  it("has every member's declaration for every candidate of each post, with one real recusal", () => {
    for (const c of scoring.conflicts) {
      const candidates = scoring.applications.filter((a) => a.application.postId === c.doc.postId).map((a) => a.id);
      expect(validateDeclaration(candidates, c.doc.entries)).toEqual([]);
      expect(c.doc.kinds).toEqual(kindsOf(c.doc.entries));
      expect(c.id).toBe(conflictsId(SCORING_SELECTION_ID, c.doc.postId, c.doc.memberUid));
      expect(selection.panselUids).toContain(c.doc.memberUid);
    }
    expect(scoring.conflicts).toHaveLength(selection.posts.length * selection.panselUids.length);
    const recusals = scoring.conflicts.flatMap((c) => c.doc.entries.filter((e) => e.kind !== "none"));
    expect(recusals).toHaveLength(1);
    expect(recusals[0]!.note.length).toBeGreaterThan(5);
  });

  it("has the assessment centre's results as importAssessment writes them: 2019 ones reused, one stale", () => {
    const asesmen = plan.components.find((c) => c.id === "asesmen")!;
    expect(asesmen.imported?.rawMax).toBe(ASSESSMENT_RAW_MAX);
    expect(scoring.imported.map((i) => i.doc.applicationId).sort()).toEqual(
      scoring.applications.map((a) => a.id).sort(),
    );
    for (const i of scoring.imported) {
      expect(i.id).toBe(importedScoreId(i.doc.applicationId, "asesmen"));
      const app = scoring.applications.find((a) => a.id === i.doc.applicationId)!;
      expect(i.doc.nip).toBe(app.application.nip);
      expect(i.doc.marks).toBe(Math.round(i.doc.raw * 100));
      expect(i.doc.source).not.toBe("");
    }
    const reused = scoring.imported.filter((i) => i.doc.date?.startsWith("2019"));
    expect(reused.length).toBeGreaterThanOrEqual(5);
    expect(reused.every((i) => i.doc.source.includes("2019") && !i.doc.stale)).toBe(true);
    const stale = scoring.imported.filter((i) => i.doc.stale);
    expect(stale).toHaveLength(1);
    // Older than the profile's validity on the day the results were used.
    const months = profileById(selection.regulationProfileId)!.assessmentValidity!.months;
    const limit = toIsoDate(subtractMonths(parseIsoDate(SCORING_AS_OF)!, months));
    expect(stale[0]!.doc.date! < limit).toBe(true);
    expect(scoring.imported.filter((i) => !i.doc.stale).every((i) => i.doc.date! >= limit)).toBe(true);
  });

  it("has complete submitted scores for the finished paper stage, none from a recused member", () => {
    const recused = new Set(
      scoring.conflicts.flatMap((c) =>
        c.doc.entries.filter((e) => e.kind !== "none").map((e) => `${e.applicationId}|${c.doc.memberUid}`),
      ),
    );
    for (const sc of scoring.scores) {
      const { doc } = sc;
      expect(sc.id).toBe(scoreId(doc.applicationId, doc.componentId, doc.memberUid));
      expect(doc.status).toBe("submitted");
      expect(validateScore(plan, doc.componentId, doc, "submit").ok).toBe(true);
      expect(recused.has(`${doc.applicationId}|${doc.memberUid}`)).toBe(false);
      const stage = plan.components.find((c) => c.id === doc.componentId)!.stage;
      // Only stages reached: the paper (finished) and the interview (under way).
      expect(STAGES.indexOf(stage)).toBeLessThanOrEqual(STAGES.indexOf(selection.stage));
    }
    const paper = scoring.scores.filter((s) => s.doc.componentId === "makalah");
    const pairs = scoring.applications.length * selection.panselUids.length - recused.size;
    expect(paper).toHaveLength(pairs);
  });

  it("counts the scores still expected as the gates read them: declared none × pansel components − submitted", () => {
    const counts = selection.counts;
    const declaredNone = scoring.conflicts.flatMap((c) => c.doc.entries.filter((e) => e.kind === "none")).length;
    const scored = plan.components.filter((c) => !c.imported);
    expect(counts.unlockedScores).toBe(declaredNone * scored.length - scoring.scores.length);
    const byStage = counts.unlockedScoresByStage ?? {};
    for (const c of scored) {
      const submitted = scoring.scores.filter((s) => s.doc.componentId === c.id).length;
      expect(byStage[c.stage]).toBe(declaredNone - submitted);
    }
    expect(Object.values(byStage).reduce((a, b) => a + b, 0)).toBe(counts.unlockedScores);
    expect(byStage["kompetensiTeknis"]).toBe(0);
    expect(counts.applicantsPerPost).toEqual({ dinkes: 4, dpupr: 4 });
  });
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
