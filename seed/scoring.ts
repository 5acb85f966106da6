/**
 * The demo's scoring, as data: Kota Metro's 2021 uji kompetensi of sitting eselon II officials
 * (SCENARIOS.md: 11 September 2021, three days; paper and presentation, interview; the 2019
 * assessment-centre results reused), set up in Seleksi as a selection of two posts in the interview
 * stage. It carries what the scoring functions would have left: each pansel member's conflict
 * declaration per post (one real recusal), the assessment centre's results imported from its report
 * (most from 2019 with their date and source, one older than the profile's validity, flagged), the
 * submitted scores of the paper (a finished stage) and of the interview so far, and the counts of
 * scores still expected that the stage gate reads. Pure: the seed writes what this returns, the
 * tests parse it with the domain's schemas.
 *
 * The officials and their NIPs are assumed (the articles name none); they have no accounts, so no
 * candidate's home shows a second application. Four of the five pansel members have no account
 * either: their uids stand for the tablets they scored on.
 */
import {
  applicationId,
  storedApplication,
  type StoredApplication,
} from "../functions/src/domain/applications/application.js";
import {
  importedScoreId,
  previewAssessmentImport,
  type StoredImportedScore,
} from "../functions/src/domain/scoring/assessmentImport.js";
import {
  conflictsId,
  kindsOf,
  type ConflictEntry,
  type StoredConflicts,
} from "../functions/src/domain/scoring/conflicts.js";
import { scoreId, type StoredScore } from "../functions/src/domain/scoring/score.js";
import { profileById } from "../functions/src/domain/regulation/profiles.js";
import { DEFAULT_SCORING_PLAN, defaultRequirements } from "../functions/src/domain/selection/defaults.js";
import type { PanselMember, ScoringPlan, SetupPost } from "../functions/src/domain/selection/setup.js";
import type { ProcessCounts, StoredSelection } from "../functions/src/domain/selection/stored.js";

export const SCORING_SELECTION_ID = "metro-2021-ukom";

/** The assessment centre's report gives a total out of 400 (its own scale); the plan converts it. */
export const ASSESSMENT_RAW_MAX = 400;

export const SCORING_PLAN: ScoringPlan = {
  ...DEFAULT_SCORING_PLAN,
  components: DEFAULT_SCORING_PLAN.components.map((c) =>
    c.id === "asesmen" ? { ...c, imported: { rawMax: ASSESSMENT_RAW_MAX } } : c,
  ),
};

const POSTS: SetupPost[] = [
  {
    id: "dinkes",
    name: "Kepala Dinas Kesehatan",
    opd: "Dinas Kesehatan",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
  {
    id: "dpupr",
    name: "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
    opd: "Dinas PUPR",
    level: "jptPratama",
    requirements: defaultRequirements(56),
  },
];

/** The committee of Metro's 2021 selection; every member scores both posts (no assignment narrows them). */
export function scoringPansel(pansel: readonly PanselMember[]): PanselMember[] {
  return pansel.map((m, i) => ({ ...m, uid: m.uid ?? `demo-pansel-metro-${i + 1}` }));
}

interface Official {
  readonly uid: string;
  readonly postId: string;
  readonly name: string;
  readonly nip: string;
}

// Assumed names and NIPs (valid in form: birth date, TMT CPNS, sex, sequence).
const OFFICIALS: readonly Official[] = [
  { uid: "demo-ukom-01", postId: "dinkes", name: "dr. Erna Widyastuti, M.Kes.", nip: "197203142000032003" },
  { uid: "demo-ukom-02", postId: "dinkes", name: "Drs. Hasan Basri, M.M.", nip: "196811051994031006" },
  { uid: "demo-ukom-03", postId: "dinkes", name: "Sri Mulyani, S.K.M., M.Kes.", nip: "197509222001122002" },
  { uid: "demo-ukom-04", postId: "dinkes", name: "dr. Agus Setiawan, M.P.H.", nip: "197707172005011008" },
  { uid: "demo-ukom-05", postId: "dpupr", name: "Ir. Joko Purnomo, M.T.", nip: "197001101997031004" },
  { uid: "demo-ukom-06", postId: "dpupr", name: "Yuliana Sari, S.T., M.Eng.", nip: "197806282003122005" },
  { uid: "demo-ukom-07", postId: "dpupr", name: "Rahmat Hidayat, S.T., M.M.", nip: "197404041999031007" },
  { uid: "demo-ukom-08", postId: "dpupr", name: "Ir. Wayan Sudarma, M.Si.", nip: "196912121996031005" },
];

/**
 * The assessment centre's report as the BKPSDM received it (an Indonesian spreadsheet's CSV): six
 * reused 2019 results, one from 2018 (older than the profile's 24 months on the ukom's first day), one
 * assessed in August 2021.
 */
const LAMPUNG_2019 = "UPT Penilaian Kompetensi BKD Provinsi Lampung, 2019";
export const ASSESSMENT_REPORT = [
  "NIP;Nama;Nilai;Tanggal;Sumber",
  `197203142000032003;Erna Widyastuti;318;22/10/2019;${LAMPUNG_2019}`,
  `196811051994031006;Hasan Basri;284,5;22/10/2019;${LAMPUNG_2019}`,
  `197509222001122002;Sri Mulyani;301;23/10/2019;${LAMPUNG_2019}`,
  `197707172005011008;Agus Setiawan;296;12/11/2018;UPT Penilaian Kompetensi BKD Provinsi Lampung, 2018`,
  `197001101997031004;Joko Purnomo;309,5;23/10/2019;${LAMPUNG_2019}`,
  `197806282003122005;Yuliana Sari;322;24/08/2021;UPT Penilaian Kompetensi BKD Provinsi Lampung, 2021`,
  `197404041999031007;Rahmat Hidayat;277;24/10/2019;${LAMPUNG_2019}`,
  `196912121996031005;Wayan Sudarma;290;24/10/2019;${LAMPUNG_2019}`,
].join("\n");

/** The ukom's first day: the validity of assessment results is counted back from it. */
export const SCORING_AS_OF = "2021-09-11";
const IMPORTED_AT = "2021-09-10T09:30:00+07:00";
const DECLARED_AT = "2021-09-11T07:45:00+07:00";

/** One member's recusal: Dr. Ahmad Fikri is the brother-in-law of a DPUPR candidate. */
const RECUSAL = {
  memberIndex: 3,
  uid: "demo-ukom-07",
  kind: "family" as const,
  note: "Adik ipar (suami dari adik kandung saya).",
};

// The level each member gave, per candidate and component, from the rubric's 90/75/60/40.
const PAPER: Record<string, readonly (readonly [number, number, number])[]> = {
  "demo-ukom-01": [
    [90, 75, 90],
    [75, 75, 90],
    [90, 90, 75],
    [75, 90, 90],
    [90, 75, 75],
  ],
  "demo-ukom-02": [
    [75, 60, 75],
    [60, 75, 60],
    [75, 75, 60],
    [60, 60, 75],
    [75, 60, 60],
  ],
  "demo-ukom-03": [
    [75, 75, 75],
    [90, 75, 75],
    [75, 75, 90],
    [75, 60, 75],
    [75, 75, 75],
  ],
  "demo-ukom-04": [
    [60, 75, 60],
    [75, 60, 60],
    [60, 60, 75],
    [75, 75, 60],
    [60, 75, 75],
  ],
  "demo-ukom-05": [
    [75, 90, 75],
    [90, 90, 75],
    [75, 75, 75],
    [90, 75, 90],
    [75, 90, 90],
  ],
  "demo-ukom-06": [
    [90, 90, 90],
    [90, 75, 90],
    [90, 90, 75],
    [75, 90, 90],
    [90, 90, 90],
  ],
  "demo-ukom-07": [
    [60, 75, 75],
    [75, 75, 60],
    [60, 60, 60],
    [75, 60, 75],
    [60, 75, 60],
  ],
  "demo-ukom-08": [
    [75, 60, 60],
    [60, 75, 75],
    [75, 60, 75],
    [60, 60, 60],
    [75, 75, 60],
  ],
};

/** The interview is under way: the first two members have submitted theirs for the Dinkes post. */
const INTERVIEW: Record<string, readonly (readonly [number, number, number, number])[]> = {
  "demo-ukom-01": [
    [90, 90, 75, 90],
    [90, 75, 90, 90],
  ],
  "demo-ukom-02": [
    [75, 75, 60, 75],
    [60, 75, 75, 60],
  ],
  "demo-ukom-03": [
    [75, 90, 75, 75],
    [75, 75, 75, 90],
  ],
  "demo-ukom-04": [
    [60, 75, 75, 60],
    [75, 60, 75, 75],
  ],
};

export interface ScoringDemo {
  readonly selection: StoredSelection;
  readonly applications: readonly { readonly id: string; readonly application: StoredApplication }[];
  readonly conflicts: readonly { readonly id: string; readonly doc: StoredConflicts }[];
  readonly imported: readonly { readonly id: string; readonly doc: StoredImportedScore }[];
  readonly scores: readonly { readonly id: string; readonly doc: StoredScore }[];
}

/** `metro` is Kota Metro's 2021 selection: its government, legal basis, contact and committee. */
export function scoringDemo(metro: StoredSelection, operatorUid: string): ScoringDemo {
  const sid = SCORING_SELECTION_ID;
  const pansel = scoringPansel(metro.pansel);
  const members = pansel.map((m) => m.uid!);
  const at = (local: string) => new Date(local).toISOString();

  const applications = OFFICIALS.map((o) => {
    const post = POSTS.find((p) => p.id === o.postId)!;
    const id = applicationId(sid, o.postId, o.uid);
    const application = storedApplication.parse({
      instansiId: metro.instansiId,
      selectionId: sid,
      postId: o.postId,
      postName: post.name,
      candidateUid: o.uid,
      candidateName: o.name,
      nip: o.nip,
      status: "ms",
      createdAt: at("2021-08-30T09:00:00+07:00"),
      updatedAt: at("2021-09-06T10:00:00+07:00"),
      submittedAt: at("2021-08-31T09:00:00+07:00"),
      reviewed: true,
    });
    return { id, application };
  });
  const appOf = (uid: string) => applications.find((a) => a.application.candidateUid === uid)!;

  const conflicts = POSTS.flatMap((post) =>
    members.map((memberUid, index) => {
      const entries: ConflictEntry[] = applications
        .filter((a) => a.application.postId === post.id)
        .map((a) =>
          index === RECUSAL.memberIndex && a.application.candidateUid === RECUSAL.uid
            ? { applicationId: a.id, kind: RECUSAL.kind, note: RECUSAL.note }
            : { applicationId: a.id, kind: "none", note: "" },
        );
      const doc: StoredConflicts = {
        instansiId: metro.instansiId,
        selectionId: sid,
        postId: post.id,
        memberUid,
        entries,
        kinds: kindsOf(entries),
        declaredAt: at(DECLARED_AT),
      };
      return { id: conflictsId(sid, post.id, memberUid), doc };
    }),
  );
  const recused = (memberUid: string, appId: string) =>
    conflicts.some((c) => c.doc.memberUid === memberUid && (c.doc.kinds[appId] ?? "none") !== "none");

  // The report read exactly as importAssessment reads it, on the day it was imported.
  const months = profileById(metro.regulationProfileId)?.assessmentValidity?.months;
  const asesmen = SCORING_PLAN.components.find((c) => c.id === "asesmen")!;
  const imported = POSTS.flatMap((post) => {
    const preview = previewAssessmentImport(ASSESSMENT_REPORT, {
      component: asesmen,
      applicants: applications
        .filter((a) => a.application.postId === post.id)
        .map((a) => ({ applicationId: a.id, nip: a.application.nip })),
      asOf: SCORING_AS_OF,
      ...(months === undefined ? {} : { validityMonths: months }),
    });
    if (!preview.ok) throw new Error(`demo assessment report: ${preview.issue.code}`);
    return preview.rows.map((r) => {
      const doc: StoredImportedScore = {
        instansiId: metro.instansiId,
        selectionId: sid,
        postId: post.id,
        applicationId: r.applicationId,
        componentId: asesmen.id,
        nip: r.nip,
        raw: r.raw,
        rawMax: ASSESSMENT_RAW_MAX,
        marks: r.marks,
        date: r.date,
        source: r.source,
        stale: r.stale,
        importedAt: at(IMPORTED_AT),
        importedBy: operatorUid,
      };
      return { id: importedScoreId(r.applicationId, asesmen.id), doc };
    });
  });

  const score = (
    a: { id: string; application: StoredApplication },
    componentId: string,
    memberUid: string,
    levels: Record<string, number>,
    submittedAt: string,
  ) => {
    const doc: StoredScore = {
      instansiId: metro.instansiId,
      selectionId: sid,
      postId: a.application.postId,
      applicationId: a.id,
      componentId,
      memberUid,
      levels,
      value: null,
      note: "",
      status: "submitted",
      submittedAt: at(submittedAt),
      revision: 1,
      reopened: null,
    };
    return { id: scoreId(a.id, componentId, memberUid), doc };
  };
  const paper = SCORING_PLAN.components.find((c) => c.id === "makalah")!.rubric!.indicators.map((i) => i.id);
  const interview = SCORING_PLAN.components.find((c) => c.id === "wawancara")!.rubric!.indicators.map((i) => i.id);
  const scores = [
    ...OFFICIALS.flatMap((o) =>
      members.flatMap((m, i) => {
        const a = appOf(o.uid);
        if (recused(m, a.id)) return [];
        const levels = Object.fromEntries(paper.map((id, k) => [id, PAPER[o.uid]![i]![k]!]));
        return [score(a, "makalah", m, levels, "2021-09-12T15:00:00+07:00")];
      }),
    ),
    ...Object.entries(INTERVIEW).flatMap(([uid, byMember]) =>
      byMember.map((row, i) => {
        const levels = Object.fromEntries(interview.map((id, k) => [id, row[k]!]));
        return score(appOf(uid), "wawancara", members[i]!, levels, "2021-09-13T11:00:00+07:00");
      }),
    ),
  ];

  const selection: StoredSelection = {
    ...metro,
    title: "Uji Kompetensi Jabatan Pimpinan Tinggi Pratama Kota Metro Tahun 2021",
    stage: "wawancara",
    public: true,
    announcedAt: at("2021-08-23T08:00:00+07:00"),
    openTo: "Pejabat pimpinan tinggi pratama di lingkungan Pemerintah Kota Metro",
    openToRule: null,
    posts: POSTS,
    pansel,
    panselUids: members,
    referenceDate: "2021-08-31",
    schedule: {
      pendaftaran: { start: "2021-08-23", end: "2021-08-31" },
      seleksiAdministrasi: { start: "2021-09-01", end: "2021-09-03" },
      pengumumanAdministrasi: { start: "2021-09-06", end: "2021-09-08" },
      asesmenManajerial: { start: "2021-09-10", end: "2021-09-10" },
      kompetensiTeknis: { start: "2021-09-11", end: "2021-09-12" },
      wawancara: { start: "2021-09-13", end: "2021-09-13" },
      rekamJejak: { start: "2021-09-14", end: "2021-09-17" },
      pemeringkatan: { start: "2021-09-20", end: "2021-09-20" },
      laporanPpk: { start: "2021-09-21", end: "2021-09-22" },
    },
    scoringPlan: SCORING_PLAN,
    counts: scoringCounts(applications, conflicts, scores, SCORING_PLAN),
    extensions: {},
    postDecisions: {},
    administrativeResult: null,
    announcementDocumentId: null,
    pendingProposal: null,
    auditSeq: 0,
  };
  return { selection, applications, conflicts, imported, scores };
}

/**
 * The counts the gates read, from the documents: per post its MS applicants, and the member scores
 * still expected per scoring stage: every candidate a member declared "none" for, in every component
 * the pansel scores, less those submitted.
 */
export function scoringCounts(
  applications: ScoringDemo["applications"],
  conflicts: ScoringDemo["conflicts"],
  scores: ScoringDemo["scores"],
  plan: ScoringPlan,
): ProcessCounts {
  const applicantsPerPost: Record<string, number> = {};
  for (const a of applications) {
    applicantsPerPost[a.application.postId] = (applicantsPerPost[a.application.postId] ?? 0) + 1;
  }
  const byStage: Record<string, number> = {};
  const submitted = new Set(scores.filter((s) => s.doc.status === "submitted").map((s) => s.id));
  for (const component of plan.components) {
    if (component.imported) continue;
    byStage[component.stage] ??= 0;
    for (const c of conflicts) {
      for (const [appId, kind] of Object.entries(c.doc.kinds)) {
        if (kind !== "none") continue;
        if (!submitted.has(scoreId(appId, component.id, c.doc.memberUid))) byStage[component.stage]! += 1;
      }
    }
  }
  return {
    applicantsPerPost,
    unverifiedApplications: 0,
    openObjections: 0,
    unlockedScores: Object.values(byStage).reduce((sum, n) => sum + n, 0),
    unlockedScoresByStage: byStage,
  };
}
