/**
 * The demo's applications as data, built from the candidates' profiles and a plan of who applied to
 * which post and how the operators decided: the application (applications/{id}), its private review
 * (review/main), and the files on its checklist (uploads/{fileId} with one chunk each), all as the
 * functions would have left them. Pure: the seed writes what this returns, the tests parse it.
 */
import { createHash } from "node:crypto";
import {
  applicationId,
  type ApplicationReview,
  type StoredApplication,
  type Verification,
} from "../functions/src/domain/applications/application.js";
import { formatDateId, parseIsoDate, type CalendarDate } from "../functions/src/domain/calendar.js";
import { checkEligibility } from "../functions/src/domain/eligibility/check.js";
import type { UploadDecision, UploadManifest } from "../functions/src/domain/files/manifest.js";
import { MIME_OF_FORMAT } from "../functions/src/domain/files/upload.js";
import { formatNip } from "../functions/src/domain/nip.js";
import { rankLabel } from "../functions/src/domain/ranks.js";
import { profileById } from "../functions/src/domain/regulation/profiles.js";
import { candidateProfile, type CandidateProfile } from "../functions/src/domain/schemas/profile.js";
import type { DocumentRequirement } from "../functions/src/domain/selection/setup.js";
import type { ProcessCounts, StoredSelection } from "../functions/src/domain/selection/stored.js";
import { tinyPdf, tinyPng } from "./files.js";
import type { DemoCandidate } from "./metro2021.js";

/** One candidate's application in the demo: the post, when it was locked, how it was decided. */
export interface ApplicationPlan {
  readonly uid: string;
  readonly postId: string;
  /** Local time of the final lock, e.g. "2021-09-27T10:15:00+07:00". */
  readonly submittedAt: string;
  readonly decision: "ms" | "tms";
  /** For TMS: what the candidate reads, as the operator wrote it. */
  readonly reasons: readonly string[];
  /** An objection filed after the announcement, still waiting for the operator's answer. */
  readonly objection?: { readonly text: string; readonly filedAt: string };
}

export interface Reviewer {
  readonly uid: string;
  readonly name: string;
}

/** The upload manifest as the completion check leaves an accepted file (files/uploads.ts). */
export type SeededManifest = UploadManifest & UploadDecision & { readonly status: "accepted" };

export interface SeededUpload {
  readonly fileId: string;
  readonly manifest: SeededManifest;
  /** The file itself; the seed stores it as chunk 00000 (every demo file is far below 512 KiB). */
  readonly bytes: Uint8Array;
}

export interface SeededApplication {
  readonly id: string;
  readonly application: StoredApplication;
  readonly review: ApplicationReview;
  readonly uploads: readonly SeededUpload[];
}

export interface ApplicationsInput {
  readonly selectionId: string;
  readonly selection: StoredSelection;
  readonly candidates: readonly DemoCandidate[];
  readonly plan: readonly ApplicationPlan[];
  readonly reviewer: Reviewer;
  /** When the reviewer decided, and when the result was announced (local times, ISO). */
  readonly reviewedAt: string;
  readonly announcedAt: string;
  /** The operator's deadline for answering an objection (ISO instant). */
  readonly objectionAnswerDue: string;
}

const iso = (local: string) => new Date(local).toISOString();

/** The profile fields of `candidateProfile`, as the candidate filled them in the edit screen. */
export function profileInput(c: DemoCandidate) {
  const nipBirth = `${c.nip.slice(0, 4)}-${c.nip.slice(4, 6)}-${c.nip.slice(6, 8)}`;
  return {
    nip: c.nip,
    name: c.name,
    email: c.email,
    birthPlace: c.birthPlace,
    birthDate: nipBirth,
    golongan: c.golongan,
    golonganSince: c.golonganSince,
    currentPost: c.currentPost,
    currentInstansi: c.originInstansi,
    province: c.province ?? "Lampung",
    phone: c.phone,
    posts: c.posts.map((p) => ({ ...p })),
    education: c.education.map((e) => ({ ...e })),
    performance: c.performance.map((p) => ({ ...p })),
  };
}

/** The profile as parsed at the final lock (what the operator verifies). Throws on a broken demo profile. */
export function parsedProfile(c: DemoCandidate, today?: CalendarDate): CandidateProfile {
  const parsed = candidateProfile(today).safeParse(profileInput(c));
  if (!parsed.success) {
    throw new Error(`demo profile of ${c.name} does not parse: ${JSON.stringify(parsed.error.issues)}`);
  }
  return parsed.data;
}

export function buildApplications(input: ApplicationsInput): SeededApplication[] {
  const { selectionId, selection } = input;
  const regulation = profileById(selection.regulationProfileId);
  const referenceDate = parseIsoDate(selection.referenceDate);
  if (!regulation || !referenceDate) throw new Error(`selection ${selectionId} has no regulation or reference date`);
  return input.plan.map((plan) => {
    const candidate = input.candidates.find((c) => c.uid === plan.uid);
    const post = selection.posts.find((p) => p.id === plan.postId);
    if (!candidate || !post)
      throw new Error(`demo plan names an unknown candidate or post: ${plan.uid} ${plan.postId}`);
    const id = applicationId(selectionId, post.id, candidate.uid);
    const profile = parsedProfile(candidate);
    const submittedAt = iso(plan.submittedAt);
    const createdAt = new Date(Date.parse(submittedAt) - 47 * 60 * 1000).toISOString();

    const uploads = post.requirements.documents
      .filter((d) => d.required)
      .map((d) => seededUpload(d, { id, selectionId, selection, postId: post.id, postName: post.name, candidate }));
    const verification: Verification = {
      decision: plan.decision,
      reasons: [...plan.reasons],
      byUid: input.reviewer.uid,
      byName: input.reviewer.name,
      at: iso(input.reviewedAt),
      confirmedByUid: null,
      confirmedByName: null,
      confirmedAt: null,
      changedByObjection: null,
    };
    const eligibility = checkEligibility(profile, post, regulation, referenceDate).map((r) => ({
      requirement: r.requirement,
      status: r.status,
      code: r.code,
      params: { ...r.params },
    }));
    const application: StoredApplication = {
      instansiId: selection.instansiId,
      selectionId,
      postId: post.id,
      postName: post.name,
      candidateUid: candidate.uid,
      candidateName: candidate.name,
      nip: profile.nip,
      status: plan.decision,
      createdAt,
      updatedAt: plan.objection ? iso(plan.objection.filedAt) : iso(input.announcedAt),
      submittedAt,
      reviewed: true,
      profile,
      eligibility,
      documents: Object.fromEntries(
        uploads.map((u) => [
          u.manifest.documentType,
          {
            fileId: u.fileId,
            fileName: u.manifest.fileName,
            mimeType: u.manifest.mimeType,
            size: u.manifest.size,
            status: "accepted" as const,
            rejection: null,
          },
        ]),
      ),
      receipt: null,
      result: verification,
      objection: plan.objection
        ? {
            text: plan.objection.text,
            attachmentFileId: null,
            filedAt: iso(plan.objection.filedAt),
            answerDue: input.objectionAnswerDue,
            status: "open",
            answer: null,
            answeredByUid: null,
            answeredByName: null,
            answeredAt: null,
          }
        : null,
      stageOutcomes: {},
    };
    const review: ApplicationReview = {
      instansiId: selection.instansiId,
      selectionId,
      postId: post.id,
      documents: Object.fromEntries(
        uploads.map((u) => [
          u.manifest.documentType,
          {
            fileId: u.fileId,
            result: "valid" as const,
            reason: "",
            byUid: input.reviewer.uid,
            byName: input.reviewer.name,
            at: iso(input.reviewedAt),
          },
        ]),
      ),
      verification,
    };
    return { id, application, review, uploads };
  });
}

interface FileContext {
  readonly id: string;
  readonly selectionId: string;
  readonly selection: StoredSelection;
  readonly postId: string;
  readonly postName: string;
  readonly candidate: DemoCandidate;
}

/** Scans that people photograph with a phone are PNG pages; letters and forms are PDFs. */
const PHOTOGRAPHED = new Set(["ijazah", "surat-sehat"]);

function seededUpload(requirement: DocumentRequirement, ctx: FileContext): SeededUpload {
  const format = PHOTOGRAPHED.has(requirement.id) && requirement.formats.includes("png") ? "png" : "pdf";
  const c = ctx.candidate;
  const bytes =
    format === "png"
      ? tinyPng(`${c.nip}:${requirement.id}`)
      : tinyPdf(requirement.label, [
          c.name,
          `NIP ${formatNip(c.nip)}`,
          ...documentLines(requirement.id, ctx),
          "Dokumen contoh untuk demo Seleksi, bukan dokumen asli.",
        ]);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fileId = `${ctx.id}_${requirement.id}`;
  return {
    fileId,
    bytes,
    manifest: {
      ownerUid: c.uid,
      instansiId: ctx.selection.instansiId,
      selectionId: ctx.selectionId,
      applicationId: ctx.id,
      postId: ctx.postId,
      documentType: requirement.id,
      fileName: `${requirement.id}.${format}`,
      mimeType: MIME_OF_FORMAT[format],
      size: bytes.length,
      sha256,
      chunkCount: 1,
      status: "accepted",
      verified: { size: bytes.length, sha256, format, chunkCount: 1 },
    },
  };
}

/** A few lines that make each demo document say what it is about. */
function documentLines(documentType: string, ctx: FileContext): string[] {
  const c = ctx.candidate;
  const current = c.posts.find((p) => p.to === undefined);
  switch (documentType) {
    case "surat-lamaran":
      return [`Kepada Yth. Ketua Panitia Seleksi, ${ctx.selection.instansiName}`, `Perihal: lamaran ${ctx.postName}`];
    case "daftar-riwayat-hidup":
      return [`Jabatan sekarang: ${c.currentPost}`, `Instansi: ${c.originInstansi}`];
    case "sk-pangkat":
      return [`Pangkat/golongan: ${rankLabel(c.golongan)}`, `TMT ${formatDateId(c.golonganSince)}`];
    case "sk-jabatan":
      return [`Jabatan: ${c.currentPost}`, current ? `Dilantik ${formatDateId(current.from)}` : ""];
    case "skp":
      return c.performance.map((p) => `SKP ${p.year}: ${p.rating}`);
    default:
      return [`${c.currentPost}, ${c.originInstansi}`];
  }
}

/**
 * What `selections/{id}.counts` says of these applications (selection/stored.ts, processCounts):
 * - applicantsPerPost: applications past the final lock (submitted, ms, tms), per post, every post
 *   listed (0 when nobody applied), as the minimum-applicants gate reads them;
 * - unverifiedApplications: locked applications no operator has decided yet (`reviewed` false);
 * - openObjections: objections waiting for the operator's answer.
 * Drafts and withdrawn applications are not applicants. Scores are not applications: `unlockedScores`
 * is kept as given.
 */
export function countsOf(
  postIds: readonly string[],
  applications: readonly StoredApplication[],
  unlockedScores = 0,
): ProcessCounts {
  const applicantsPerPost: Record<string, number> = Object.fromEntries(postIds.map((id) => [id, 0]));
  let unverifiedApplications = 0;
  let openObjections = 0;
  for (const a of applications) {
    const locked = a.status === "submitted" || a.status === "ms" || a.status === "tms";
    if (locked) applicantsPerPost[a.postId] = (applicantsPerPost[a.postId] ?? 0) + 1;
    if (locked && !a.reviewed) unverifiedApplications += 1;
    if (a.objection?.status === "open") openObjections += 1;
  }
  return { applicantsPerPost, unverifiedApplications, openObjections, unlockedScores };
}
