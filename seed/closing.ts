/**
 * The demo of the end of a selection (issue 9): Kota Metro's **2022** open selection (invented: the
 * articles stop at 2021), at `penetapan`, so the Sekda (the PPK's demo account) can choose on
 * `/kelola/metro-2022-jpt/pilihan-ppk`. Three live posts with their final, lockable rankings, one post
 * cancelled for too few applicants, and the letter proposing the 3 besar to the PPK issued as a
 * generated document (numbered from the government's 2022 counter, QR-verifiable). No choice is made
 * yet, so the final report waits for the PPK.
 *
 * The rankings are computed by the domain (computePostRanking) from scores made up here, as
 * computeRanking would store them; the candidates are the 2021 demo's MS candidates, applying again.
 * Pure: the seed writes what this returns.
 */
import { createHash } from "node:crypto";
import {
  letterCommon,
  proposalContent,
  proposalSnapshot,
  type ProposalSnapshot,
} from "../functions/src/domain/documents/ppkLetters.js";
import {
  counterIdFor,
  DEFAULT_NUMBERING_PATTERN,
  DOCUMENT_KIND_CODES,
  formatDocumentNumber,
} from "../functions/src/domain/documents/numbering.js";
import {
  documentFileName,
  documentIdFor,
  issuingRecord,
  verifyUrlFor,
  type DocumentRecord,
} from "../functions/src/domain/documents/record.js";
import { profileById } from "../functions/src/domain/regulation/profiles.js";
import type { InstansiDoc } from "../functions/src/domain/schemas/documents.js";
import {
  canonicalJson,
  computePostRanking,
  rankingId,
  type RankingSources,
  type StoredRanking,
} from "../functions/src/domain/scoring/postRanking.js";
import {
  conflictsId,
  kindsOf,
  type ConflictEntry,
  type StoredConflicts,
} from "../functions/src/domain/scoring/conflicts.js";
import { finalRankingOf, type FinalRanking } from "../functions/src/domain/scoring/ppkChoice.js";
import type { StoredSelection } from "../functions/src/domain/selection/stored.js";
import type { DemoCandidate } from "./metro2021.js";
import { DEMO_PUBLIC_URL } from "./result.js";

export const CLOSING_SELECTION_ID = "metro-2022-jpt";

/** The day the pansel's proposal went to the PPK, and when the move into penetapan was approved. */
export const PROPOSAL_ISSUED_AT = "2022-11-14T09:00:00+07:00";
const RANKED_AT = "2022-11-11T15:00:00+07:00";
/** Before the first scoring stage: each member declared on every MS candidate of their posts. */
const DECLARED_AT = "2022-10-14T09:00:00+07:00";

/** Live posts and how many of the candidates apply to each; BPBD is cancelled (one applicant). */
const POSTS = [
  { id: "asisten-1", count: 4 },
  { id: "bappeda", count: 3 },
  { id: "disdikbud", count: 3 },
] as const;

export interface ClosingDemo {
  readonly selection: StoredSelection;
  readonly rankings: readonly { readonly id: string; readonly doc: StoredRanking }[];
  /** Every member's declaration per post, "none" for each candidate: what let the rankings lock. */
  readonly conflicts: readonly { readonly id: string; readonly doc: StoredConflicts }[];
  /** The proposal letter: the seed renders and stores its PDF, then marks the record valid. */
  readonly document: {
    readonly record: DocumentRecord;
    readonly snapshot: ProposalSnapshot;
    readonly counter: { readonly instansiId: string; readonly id: string; readonly next: number };
  };
}

/** Rubric levels by candidate: distinct totals, the first best. */
const LEVEL_BY_RANK = [0, 1, 1, 2];

export function closingDemo(
  metro2021: StoredSelection,
  instansi: InstansiDoc,
  candidates: readonly DemoCandidate[],
  operator: { uid: string; name: string },
): ClosingDemo {
  const sid = CLOSING_SELECTION_ID;
  const plan = metro2021.scoringPlan;
  const members = metro2021.pansel.map((m, i) => ({ uid: m.uid ?? `demo-pansel-metro-${i + 1}`, name: m.name }));
  let next = 0;
  const conflicts: { id: string; doc: StoredConflicts }[] = [];
  const rankings = POSTS.map(({ id: postId, count }) => {
    const applications = candidates.slice(next, next + count).map((c) => ({
      applicationId: `${sid}_${postId}_${c.uid}`,
      postId,
      status: "ms",
      name: c.name,
      nip: c.nip,
    }));
    next += count;
    const scores = applications.flatMap((a, i) =>
      members.flatMap((m, k) =>
        plan.components.map((component) => {
          const rubric = component.rubric;
          const level = rubric?.levels[Math.min(LEVEL_BY_RANK[i] ?? 2, rubric.levels.length - 1)];
          return {
            applicationId: a.applicationId,
            componentId: component.id,
            memberUid: m.uid,
            status: "submitted",
            note: "",
            levels: rubric && level ? Object.fromEntries(rubric.indicators.map((ind) => [ind.id, level.score])) : null,
            // Members differ a little on the scores they give as numbers; never below a minimum.
            value: rubric ? null : 88 - i * 6 - k,
          };
        }),
      ),
    );
    const declarations = members.map((m) => {
      const entries: ConflictEntry[] = applications.map((a) => ({
        applicationId: a.applicationId,
        kind: "none",
        note: "",
      }));
      const doc: StoredConflicts = {
        instansiId: metro2021.instansiId,
        selectionId: sid,
        postId,
        memberUid: m.uid,
        entries,
        kinds: kindsOf(entries),
        declaredAt: new Date(DECLARED_AT).toISOString(),
      };
      return { id: conflictsId(sid, postId, m.uid), doc };
    });
    conflicts.push(...declarations);
    const sources: RankingSources = {
      plan,
      selectionId: sid,
      postId,
      stage: "pemeringkatan",
      members,
      applications,
      scores,
      imported: [],
      conflicts: declarations.map((d) => d.doc),
    };
    const result = computePostRanking(sources);
    if ("code" in result) throw new Error(`closing demo ranking of ${postId}: ${result.code}`);
    const json = canonicalJson(result);
    const doc: StoredRanking = {
      instansiId: metro2021.instansiId,
      selectionId: sid,
      postId,
      stage: "pemeringkatan",
      json,
      sha256: createHash("sha256").update(json, "utf8").digest("hex"),
      components: result.components.map((c) => c.id),
      finalists: [...result.finalists],
      blockers: result.blockers.length,
      lockable: result.lockable,
      computedAt: new Date(RANKED_AT).toISOString(),
      computedBy: { uid: operator.uid, name: operator.name, role: "operator" },
    };
    return { id: rankingId(sid, postId, "pemeringkatan"), doc };
  });

  const applicantsPerPost: Record<string, number> = Object.fromEntries(POSTS.map((p) => [p.id, p.count]));
  applicantsPerPost["bpbd"] = 1;
  const base: StoredSelection = {
    ...metro2021,
    title: "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Kota Metro Tahun 2022",
    year: 2022,
    stage: "penetapan",
    public: true,
    announcedAt: "2022-09-19T08:00:00+07:00",
    posts: metro2021.posts.filter((p) => p.id !== "dpkp"),
    referenceDate: "2022-10-03",
    schedule: {
      pendaftaran: { start: "2022-09-19", end: "2022-10-03" },
      seleksiAdministrasi: { start: "2022-10-04", end: "2022-10-07" },
      pengumumanAdministrasi: { start: "2022-10-10", end: "2022-10-12" },
      asesmenManajerial: { start: "2022-10-17", end: "2022-10-19" },
      kompetensiTeknis: { start: "2022-10-24", end: "2022-10-26" },
      wawancara: { start: "2022-10-31", end: "2022-11-02" },
      rekamJejak: { start: "2022-11-03", end: "2022-11-09" },
      pemeringkatan: { start: "2022-11-10", end: "2022-11-11" },
      laporanPpk: { start: "2022-11-14", end: "2022-11-15" },
    },
    counts: {
      applicantsPerPost,
      unverifiedApplications: 0,
      openObjections: 0,
      unlockedScores: 0,
      unlockedScoresByStage: {},
    },
    extensions: { bpbd: 2 },
    postDecisions: { bpbd: "cancelPost" },
    pendingProposal: null,
    administrativeResult: null,
    announcementDocumentId: null,
    ppkChoices: {},
    auditSeq: 0,
  };

  const profile = profileById(base.regulationProfileId);
  if (!profile) throw new Error(`${sid} has no regulation profile`);
  const issuedOn = PROPOSAL_ISSUED_AT.slice(0, 10);
  const year = Number(issuedOn.slice(0, 4));
  // The first document of BKPSDM Kota Metro's 2022 counter.
  const seq = 1;
  const number = formatDocumentNumber(instansi.numberingPattern || DEFAULT_NUMBERING_PATTERN, {
    seq,
    year,
    month: Number(issuedOn.slice(5, 7)),
    kind: DOCUMENT_KIND_CODES.usulanPpk,
    instansiCode: instansi.documentCode || base.instansiId.toUpperCase(),
  });
  const documentId = documentIdFor(sid, "usulanPpk", 1);
  const record = issuingRecord({
    instansiId: base.instansiId,
    instansiName: instansi.name,
    selectionId: sid,
    selectionTitle: base.title,
    kind: "usulanPpk",
    number,
    version: 1,
    issuedOn,
    documentId,
    fileName: documentFileName("surat-usulan", number),
    supersedes: null,
    at: new Date(PROPOSAL_ISSUED_AT).toISOString(),
  });
  const finals = new Map<string, FinalRanking>();
  for (const r of rankings) {
    const final = finalRankingOf(r.doc);
    if (final) finals.set(r.doc.postId, final);
  }
  const snapshot = proposalSnapshot.parse({
    kind: "usulanPpk",
    ...letterCommon(base, instansi, {
      selectionId: sid,
      number,
      issuedOn,
      verifyUrl: verifyUrlFor(DEMO_PUBLIC_URL, documentId),
    }),
    ...proposalContent(base, finals, instansi, profile),
  });
  return {
    selection: { ...base, proposalDocumentId: documentId },
    rankings,
    conflicts,
    document: { record, snapshot, counter: { instansiId: base.instansiId, id: counterIdFor(year), next: seq + 1 } },
  };
}
