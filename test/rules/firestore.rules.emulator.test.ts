/**
 * firestore.rules as a table: every action a client could attempt, and for each role whether the
 * rules must allow or deny it. The columns are a typed tuple over ROLES, so adding a role (or a
 * stage, as a new row) does not type-check until every cell has been decided.
 *
 * The rules are the only thing between a phone and the database: what a selection is, who runs it
 * and which tenant it belongs to must hold here even for a tampered client. So each row is written
 * as the attempt an attacker would make, and most rows expect "deny" for most roles.
 */
import { readFileSync } from "node:fs";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import firebase from "firebase/compat/app";
import "firebase/compat/firestore";
import { setLogLevel } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { StaffClaims } from "../../functions/src/domain/roles.js";
import { INITIAL_PROCESS, type StoredSelection as SelectionDoc } from "../../functions/src/domain/selection/stored.js";
import { defaultRequirements, emptySetup } from "../../functions/src/domain/selection/defaults.js";
import { publicProjectionOf } from "../../functions/src/domain/publication/projection.js";
import {
  allListFilters,
  listQuery,
  type ListCursor,
  type ListFilters,
} from "../../functions/src/domain/publication/listing.js";
import { conflictsId, type ConflictKind } from "../../functions/src/domain/scoring/conflicts.js";
import { emulatorHosts } from "../support/emulators.js";

// Its own demo- project: the rules emulator state of this file never meets the functions' project.
const PROJECT_ID = "demo-rules-seleksi";

const METRO = "kota-metro";
const PONTIANAK = "kota-pontianak";

/** The columns of the table, in this order. */
const ROLES = [
  "anonymous",
  "candidate", // owns profiles/cand-ani and tokenRefresh/cand-ani
  "otherCandidate", // a signed-in ASN who is not that candidate
  "operatorMetro",
  "operatorPontianak", // operator of another tenant
  "panselListed", // pansel of kota-metro named in the draft's panselUids
  "panselUnlisted", // pansel of kota-metro not named there
  "pejabatMetro",
] as const;
type Role = (typeof ROLES)[number];

interface Persona {
  readonly uid: string | null;
  readonly claims?: StaffClaims;
}

const PERSONAS: Record<Role, Persona> = {
  anonymous: { uid: null },
  candidate: { uid: "cand-ani" },
  otherCandidate: { uid: "cand-budi" },
  operatorMetro: { uid: "op-metro", claims: { instansi: METRO, roles: ["operator"] } },
  operatorPontianak: { uid: "op-pontianak", claims: { instansi: PONTIANAK, roles: ["operator"] } },
  panselListed: { uid: "pansel-listed", claims: { instansi: METRO, roles: ["pansel"] } },
  panselUnlisted: { uid: "pansel-unlisted", claims: { instansi: METRO, roles: ["pansel"] } },
  pejabatMetro: { uid: "pejabat-metro", claims: { instansi: METRO, roles: ["pejabat"] } },
};

type Expected = "allow" | "deny";
const A: Expected = "allow";
const D: Expected = "deny";
/** One cell per role, in ROLES order. */
type CellsOf<T extends readonly unknown[]> = { readonly [K in keyof T]: Expected };
type Cells = CellsOf<typeof ROLES>;

type Op = "get" | "list" | "create" | "update" | "delete";
type ClientDb = ReturnType<RulesTestContext["firestore"]>;

interface Action {
  readonly collection: string;
  readonly op: Op;
  /** The stage or situation the row is about, e.g. "draft in persiapan, forged stage". */
  readonly situation: string;
  /** What the client attempts; `uid` is the caller's own uid (null when signed out). */
  readonly attempt: (db: ClientDb, uid: string | null) => Promise<unknown>;
  /** Extra state for this row only, written with the rules off after the common seed. */
  readonly prepare?: (db: ClientDb) => Promise<unknown>;
}

/** A page of the public list exactly as the web queries it (web/src/data/publicData.ts, from listQuery). */
function listPage(db: ClientDb, filters: ListFilters, after: ListCursor | null) {
  const q = listQuery(filters, Date.parse("2021-09-01T00:00:00Z"));
  let ref: ReturnType<ReturnType<ClientDb["collection"]>["where"]> = db.collection(COLLECTIONS.publicSelections);
  for (const e of q.equals) ref = ref.where(e.field, "==", e.value);
  if (q.contains) ref = ref.where(q.contains.field, "array-contains", q.contains.value);
  if (q.after) ref = ref.where(q.after.field, ">", q.after.value);
  ref = ref.orderBy(q.order.field, q.order.direction).orderBy("__name__", q.order.direction);
  if (after) ref = ref.startAfter(after.value, after.id);
  return ref.limit(q.limit).get();
}

interface Row extends Action {
  readonly expected: Cells;
}

// ---- the data every row starts from ---------------------------------------------------------------

const NIP_ANI = "197806152003122004";
const DISPUTE = `${NIP_ANI}_cand-budi`;

function selection(overrides: Partial<SelectionDoc>): SelectionDoc {
  const setup = emptySetup(2025, "permenpanrb-15-2019");
  return {
    ...setup,
    instansiId: METRO,
    instansiName: "Pemerintah Kota Metro",
    title: "Seleksi Terbuka JPT Pratama Kota Metro 2025",
    stage: "persiapan",
    public: false,
    announcedAt: null,
    openTo: "ASN di lingkungan Provinsi Lampung",
    posts: [
      {
        id: "bappeda",
        name: "Kepala Badan Perencanaan Pembangunan Daerah",
        opd: "Bappeda",
        level: "jptPratama",
        requirements: defaultRequirements(56),
      },
    ],
    pansel: [
      {
        name: "Prof. Dr. Hartini Saleh, M.Si.",
        origin: "akademisi",
        position: "ketua",
        affiliation: "Universitas Lampung",
      },
    ],
    panselUids: [],
    ...INITIAL_PROCESS,
    ...overrides,
  };
}

const SELECTIONS = {
  metroDraft: selection({ panselUids: [PERSONAS.panselListed.uid ?? ""] }),
  metroOpen: selection({
    title: "Seleksi Terbuka JPT Pratama Kota Metro 2024",
    year: 2024,
    stage: "pendaftaran",
    public: true,
    announcedAt: "2024-06-03T08:00:00+07:00",
  }),
  // Past the administrative result: the pansel works with the MS candidates.
  metroScoring: selection({
    title: "Seleksi Terbuka JPT Pratama Kota Metro 2023",
    year: 2023,
    stage: "asesmenManajerial",
    public: true,
    announcedAt: "2023-06-03T08:00:00+07:00",
    panselUids: [PERSONAS.panselListed.uid ?? ""],
  }),
  // Scoring, with both pansel members on the committee and the bappeda post narrowed to
  // pansel-unlisted (assignPansel): pansel-listed sees only the posts left to the whole committee.
  metroAssigned: selection({
    title: "Seleksi Terbuka JPT Pratama Kota Metro 2020",
    year: 2020,
    stage: "wawancara",
    public: true,
    announcedAt: "2020-06-03T08:00:00+07:00",
    panselUids: [PERSONAS.panselListed.uid ?? "", PERSONAS.panselUnlisted.uid ?? ""],
    panselAssignments: { bappeda: [PERSONAS.panselUnlisted.uid ?? ""] },
  }),
  // The administrative result announced, its objection window open until 2100.
  metroResult: selection({
    title: "Seleksi Terbuka JPT Pratama Kota Metro 2022",
    year: 2022,
    stage: "pengumumanAdministrasi",
    public: true,
    announcedAt: "2022-06-03T08:00:00+07:00",
    administrativeResult: {
      publishedAt: "2022-07-01T01:00:00.000Z",
      objectionClosesAtMs: Date.UTC(2100, 0, 1),
      objectionLastDay: "2099-12-31",
      documentId: "metro-result-hasilAdministrasi-v1",
      number: "001/PENG/PANSEL-JPT/BKPSDM-MTR/VII/2022",
      ms: { bappeda: [] },
    },
  }),
  // The pansel's scores (issue 9): kompetensiTeknis, pansel-listed on the committee, the dinkes post
  // narrowed to pansel-unlisted; the plan adds an imported test and a direct-number component to the
  // stage's paper (makalah, a rubric), so each kind of component has its row.
  metroNilai: selection({
    title: "Seleksi Terbuka JPT Pratama Kota Metro 2019",
    year: 2019,
    stage: "kompetensiTeknis",
    public: true,
    announcedAt: "2019-06-03T08:00:00+07:00",
    panselUids: [PERSONAS.panselListed.uid ?? ""],
    panselAssignments: { dinkes: [PERSONAS.panselUnlisted.uid ?? ""] },
  }),
  pontianakDraft: selection({
    instansiId: PONTIANAK,
    instansiName: "Pemerintah Kota Pontianak",
    title: "Seleksi Terbuka JPT Pratama Kota Pontianak 2025",
    openTo: "ASN di lingkungan Provinsi Kalimantan Barat",
  }),
};

async function seed(db: ClientDb): Promise<void> {
  const batch = db.batch();
  const set = (path: string, data: object) => batch.set(db.doc(path), data);
  set(`${COLLECTIONS.instansi}/${METRO}`, {
    name: "Pemerintah Kota Metro",
    shortName: "Kota Metro",
    province: "Lampung",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
  });
  set(`${COLLECTIONS.instansi}/${PONTIANAK}`, {
    name: "Pemerintah Kota Pontianak",
    shortName: "Kota Pontianak",
    province: "Kalimantan Barat",
    agency: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
  });
  for (const role of ROLES) {
    const { uid, claims } = PERSONAS[role];
    if (uid && claims) {
      set(`${COLLECTIONS.instansi}/${claims.instansi}/${COLLECTIONS.members}/${uid}`, {
        instansiId: claims.instansi,
        email: `${uid}@seleksi.demo`,
        name: uid,
        roles: claims.roles,
      });
    }
  }
  for (const [uid, roles] of Object.entries(STALE_MEMBERS)) {
    set(`${COLLECTIONS.instansi}/${METRO}/${COLLECTIONS.members}/${uid}`, { instansiId: METRO, email: uid, roles });
  }
  set(`${COLLECTIONS.instansi}/${METRO}/${COLLECTIONS.roleAudit}/r1`, {
    instansiId: METRO,
    actor: { uid: "op-metro", name: "Dewi Lestari", as: "operator" },
    target: { uid: "pansel-listed", email: "pansel-listed@seleksi.demo", name: "pansel-listed" },
    before: [],
    after: ["pansel"],
    at: "2025-02-20T09:00:00.000Z",
  });
  const calendar = { elections: [], actingHeads: [{ from: "2025-01-01", to: "2025-12-31" }] };
  set(`${COLLECTIONS.instansi}/${METRO}/${COLLECTIONS.calendarAudit}/c1`, {
    instansiId: METRO,
    actor: { uid: "op-metro", name: "Dewi Lestari" },
    before: { elections: [], actingHeads: [] },
    after: calendar,
    at: "2025-02-21T09:00:00.000Z",
  });
  set(`${COLLECTIONS.instansi}/${METRO}/${COLLECTIONS.requests}/q1`, {
    uid: "op-metro",
    action: "x",
    result: {},
    at: "",
  });
  set(`${COLLECTIONS.selections}/metro-draft`, SELECTIONS.metroDraft);
  set(`${COLLECTIONS.selections}/metro-draft/proposals/p1`, {
    instansiId: METRO,
    from: "persiapan",
    to: "pendaftaran",
    status: "pending",
    reason: "",
    proposedBy: { uid: "op-metro", name: "Dewi Lestari", role: "operator" },
    proposedAt: "2025-02-20T09:00:00+07:00",
  });
  set(`${COLLECTIONS.selections}/metro-draft/audit/00000001`, {
    instansiId: METRO,
    seq: 1,
    action: "propose",
    from: "persiapan",
    to: "pendaftaran",
    actor: { uid: "op-metro", name: "Dewi Lestari", role: "operator" },
    at: "2025-02-20T09:00:00+07:00",
    reason: "",
    proposalId: "p1",
  });
  set(`${COLLECTIONS.selections}/metro-draft/requests/r1`, { uid: "op-metro", result: {} });
  const documentRecord = {
    instansiId: METRO,
    selectionId: "metro-open",
    kind: "pengumuman",
    number: "001/PENG/PANSEL-JPT/BKPSDM-MTR/VI/2024",
    version: 1,
  };
  set(`${COLLECTIONS.documents}/doc-valid`, { ...documentRecord, status: "valid" });
  set(`${COLLECTIONS.documents}/doc-issuing`, { ...documentRecord, status: "issuing" });
  set(`${COLLECTIONS.documents}/doc-revoked`, {
    ...documentRecord,
    status: "revoked",
    revokedOn: "2024-06-20",
    revokedReason: "Seleksi dibatalkan",
  });
  set(`${COLLECTIONS.documents}/doc-valid/${COLLECTIONS.snapshot}/input`, { instansiId: METRO, number: "001" });
  const file = {
    instansiId: METRO,
    name: "x.pdf",
    contentType: "application/pdf",
    size: 3,
    chunkCount: 1,
    complete: true,
  };
  set(`${COLLECTIONS.files}/f-public`, { ...file, extra: { public: true } });
  set(`${COLLECTIONS.files}/f-public/${COLLECTIONS.chunks}/00000`, { index: 0, instansiId: METRO, size: 3 });
  // Candidates' uploads: cand-ani's for the draft (whose pansel is pansel-listed), cand-budi's for
  // the open selection (no pansel account named).
  set(`${COLLECTIONS.files}/f-private`, { ...file, ownerUid: "cand-ani", selectionId: "metro-draft" });
  set(`${COLLECTIONS.files}/f-private/${COLLECTIONS.chunks}/00000`, { index: 0, instansiId: METRO, size: 3 });
  set(`${COLLECTIONS.files}/f-budi`, { ...file, ownerUid: "cand-budi", selectionId: "metro-open" });
  set(`${COLLECTIONS.files}/f-budi/${COLLECTIONS.chunks}/00000`, { index: 0, instansiId: METRO, size: 3 });
  // Receipts (tanda bukti) name their application: the pansel reads one only as it may the application.
  const receipt = (applicationId: string, ownerUid: string) => ({
    ...file,
    ownerUid,
    selectionId: "metro-scoring",
    extra: { documentId: `${applicationId}-receipt`, applicationId },
  });
  set(`${COLLECTIONS.files}/f-receipt-ms`, receipt("app-ani-ms", "cand-ani"));
  set(`${COLLECTIONS.files}/f-receipt-ms/${COLLECTIONS.chunks}/00000`, { index: 0, instansiId: METRO, size: 3 });
  set(`${COLLECTIONS.files}/f-receipt-tms`, receipt("app-budi-tms", "cand-budi"));
  set(`${COLLECTIONS.files}/f-half`, { ...file, complete: false, extra: { public: true } });
  set(`${COLLECTIONS.selections}/metro-open`, SELECTIONS.metroOpen);
  const projection = publicProjectionOf(SELECTIONS.metroOpen, { province: "Lampung" });
  if (projection) {
    set(`${COLLECTIONS.publicSelections}/metro-open`, projection.summary);
    set(`${COLLECTIONS.publicSelections}/metro-open/${COLLECTIONS.publicDetail}/main`, projection.detail);
  }
  set(`${COLLECTIONS.selections}/pontianak-draft`, SELECTIONS.pontianakDraft);
  set(`${COLLECTIONS.selections}/metro-scoring`, SELECTIONS.metroScoring);
  // pansel-listed's signature, as its tablet wrote it (the stage is not the point: seeded, not created).
  set(`${COLLECTIONS.signatures}/metro-scoring_kompetensiTeknis_pansel-listed`, signature("pansel-listed"));
  // Applications (written by functions): cand-ani's submitted one in the open selection with the
  // operators' review, and two past the administrative result, one MS and one TMS.
  const application = (selectionId: string, uid: string, status: string) => ({
    instansiId: METRO,
    selectionId,
    postId: "bappeda",
    postName: "Kepala Badan Perencanaan Pembangunan Daerah",
    candidateUid: uid,
    candidateName: uid,
    nip: NIP_ANI,
    status,
    createdAt: "2024-06-04T08:00:00.000Z",
    updatedAt: "2024-06-04T08:00:00.000Z",
  });
  set(`${COLLECTIONS.applications}/app-ani-open`, application("metro-open", "cand-ani", "submitted"));
  set(`${COLLECTIONS.applications}/app-ani-open/${COLLECTIONS.review}/main`, {
    instansiId: METRO,
    selectionId: "metro-open",
    postId: "bappeda",
    verification: null,
  });
  set(`${COLLECTIONS.applications}/app-ani-ms`, application("metro-scoring", "cand-ani", "ms"));
  set(`${COLLECTIONS.applications}/app-budi-tms`, application("metro-scoring", "cand-budi", "tms"));
  // An assessment centre's result imported for cand-ani's MS application, and one of another tenant.
  const imported = {
    instansiId: METRO,
    selectionId: "metro-scoring",
    postId: "bappeda",
    applicationId: "app-ani-ms",
    componentId: "asesmen",
    nip: NIP_ANI,
    raw: 312,
    rawMax: 400,
    marks: 31200,
    date: "2019-08-14",
    source: "UPT Penilaian Kompetensi BKD Provinsi Lampung",
    stale: false,
    importedAt: "2023-07-10T02:00:00.000Z",
    importedBy: "op-metro",
  };
  set(`${COLLECTIONS.importedScores}/app-ani-ms_asesmen`, imported);
  set(`${COLLECTIONS.importedScores}/app-pontianak_asesmen`, { ...imported, instansiId: PONTIANAK });
  set(`${COLLECTIONS.selections}/metro-assigned`, SELECTIONS.metroAssigned);
  set(`${COLLECTIONS.applications}/app-ani-assigned`, application("metro-assigned", "cand-ani", "ms"));
  set(`${COLLECTIONS.applications}/app-budi-whole`, {
    ...application("metro-assigned", "cand-budi", "ms"),
    postId: "dinkes",
    postName: "Kepala Dinas Kesehatan",
  });
  // Conflicts of interest (issue 9), as declareConflicts writes them: each pansel member who reads an
  // MS application above has declared no conflict with that candidate for that post.
  set(
    conflictsPath("metro-scoring", "bappeda", "pansel-listed"),
    declaration("metro-scoring", "bappeda", "pansel-listed", { "app-ani-ms": "none" }),
  );
  set(
    conflictsPath("metro-assigned", "bappeda", "pansel-unlisted"),
    declaration("metro-assigned", "bappeda", "pansel-unlisted", { "app-ani-assigned": "none" }),
  );
  for (const member of ["pansel-listed", "pansel-unlisted"]) {
    set(
      conflictsPath("metro-assigned", "dinkes", member),
      declaration("metro-assigned", "dinkes", member, { "app-budi-whole": "none" }),
    );
  }
  // Uploads (issue 8): cand-ani's draft in the open selection, its registration open until 2100;
  // an upload in progress (2 chunks, the first sent), a complete one, and files of the MS and TMS
  // applications past the administrative result.
  batch.set(
    db.doc(`${COLLECTIONS.publicSelections}/metro-open`),
    { registrationClosesAtMs: OPEN_UNTIL },
    { merge: true },
  );
  set(`${COLLECTIONS.applications}/app-ani-draft`, application("metro-open", "cand-ani", "draft"));
  set(`${COLLECTIONS.uploads}/up-ani-uploading`, manifest({}));
  set(`${COLLECTIONS.uploads}/up-ani-uploading/${COLLECTIONS.chunks}/00000`, { data: bytesOf(CHUNK) });
  set(`${COLLECTIONS.uploads}/up-ani-complete`, manifest({ status: "complete" }));
  set(`${COLLECTIONS.uploads}/up-ani-ms`, manifest({ applicationId: "app-ani-ms", selectionId: "metro-scoring" }));
  set(`${COLLECTIONS.uploads}/up-ani-ms/${COLLECTIONS.chunks}/00000`, { data: bytesOf(CHUNK) });
  set(`${COLLECTIONS.uploads}/up-budi-tms`, {
    ...manifest({ applicationId: "app-budi-tms", selectionId: "metro-scoring" }),
    ownerUid: "cand-budi",
  });
  // cand-ani's TMS application in metro-result, and the attachment of an objection to it, on its way.
  set(`${COLLECTIONS.selections}/metro-result`, SELECTIONS.metroResult);
  set(`${COLLECTIONS.applications}/app-ani-result`, application("metro-result", "cand-ani", "tms"));
  set(`${COLLECTIONS.uploads}/up-ani-objection`, manifest(OBJECTION_ATTACHMENT));
  set(`${COLLECTIONS.profiles}/cand-ani`, {
    name: "Dr. Ani Rahmawati, S.E., M.Si.",
    nip: NIP_ANI,
    email: "ani.rahmawati@seleksi.demo",
    birthDate: "1978-06-15",
    serviceStart: "2003-12",
    sex: "P",
    golongan: "IV/a",
    currentPost: "Sekretaris Dinas Pendidikan dan Kebudayaan",
  });
  set(`${COLLECTIONS.nips}/${NIP_ANI}`, { uid: "cand-ani" });
  // cand-budi says cand-ani's NIP is his, before the BKPSDM of Kota Metro.
  const dispute = { instansiId: METRO, nip: NIP_ANI, claimantUid: "cand-budi", holderUid: "cand-ani", status: "open" };
  // Rankings (computeRanking): metro-scoring's bappeda after asesmenManajerial, not lockable yet,
  // and its final ranking, lockable; a Pontianak one under the same kind of id.
  const ranking = (stage: string, lockable: boolean, instansiId = METRO, selectionId = "metro-scoring") => ({
    instansiId,
    selectionId,
    postId: "bappeda",
    stage,
    json: "{}",
    sha256: "0".repeat(64),
    components: [],
    finalists: [],
    blockers: lockable ? 0 : 2,
    lockable,
    computedAt: "2023-08-01T03:00:00.000Z",
    computedBy: { uid: "op-metro", name: "Operator", role: "operator" },
  });
  set(`${COLLECTIONS.rankings}/metro-scoring_bappeda_asesmenManajerial`, ranking("asesmenManajerial", false));
  set(`${COLLECTIONS.rankings}/metro-scoring_bappeda_pemeringkatan`, ranking("pemeringkatan", true));
  set(
    `${COLLECTIONS.rankings}/pontianak-draft_bappeda_pemeringkatan`,
    ranking("pemeringkatan", true, PONTIANAK, "pontianak-draft"),
  );
  const calibration = (instansiId: string, selectionId: string) => ({
    instansiId,
    selectionId,
    postId: "bappeda",
    stage: "wawancara",
    resolutions: {
      "cell:metro-scoring_bappeda_cand-ani:wawancara": {
        outcome: "kept",
        reason: "Perbedaan sudah dibahas dan dapat diterima.",
        scoreId: null,
        scoreMemberUid: null,
        by: { uid: "op-metro", name: "Operator", role: "operator" },
        at: "2023-08-01T03:00:00.000Z",
        rankingSha256: "0".repeat(64),
      },
    },
  });
  set(`${COLLECTIONS.calibrations}/metro-scoring_bappeda_wawancara`, calibration(METRO, "metro-scoring"));
  set(`${COLLECTIONS.calibrations}/pontianak-draft_bappeda_wawancara`, calibration(PONTIANAK, "pontianak-draft"));
  set(`${COLLECTIONS.nipDisputes}/${DISPUTE}`, dispute);
  set(`${COLLECTIONS.nipDisputes}/${DISPUTE}/${COLLECTIONS.audit}/1`, { instansiId: METRO, action: "filed" });
  seedScoring(set, application);
  set(`${COLLECTIONS.rateLimits}/abc`, { scope: "nip", count: 1 });
  set(`${COLLECTIONS.tokenRefresh}/cand-ani`, { at: new Date() });
  set("audit/first", { note: "a collection the rules never mention" });
  await batch.commit();
}

// ---- the pansel's scores (issue 9) -----------------------------------------------------------------

const NILAI = "metro-nilai";
const OTHER_MEMBER = "pansel-other";
const SCORING_PLAN = {
  ...SELECTIONS.metroNilai.scoringPlan,
  components: [
    ...SELECTIONS.metroNilai.scoringPlan.components,
    // index 4: measured outside the pansel; index 5: a direct number on 0–100
    {
      id: "tes-tertulis",
      label: "Tes tertulis",
      weight: 0,
      stage: "kompetensiTeknis" as const,
      scale: { min: 0, max: 100 },
      imported: { rawMax: 400 },
    },
    {
      id: "uji-praktik",
      label: "Uji praktik",
      weight: 0,
      stage: "kompetensiTeknis" as const,
      scale: { min: 0, max: 100 },
    },
  ],
};

/** The applications, declarations and one submitted score of another member in metro-nilai. */
function seedScoring(
  set: (path: string, data: object) => void,
  application: (selectionId: string, uid: string, status: string) => Record<string, unknown>,
): void {
  set(`${COLLECTIONS.selections}/${NILAI}`, { ...SELECTIONS.metroNilai, scoringPlan: SCORING_PLAN });
  set(`${COLLECTIONS.applications}/app-ani-nilai`, application(NILAI, "cand-ani", "ms"));
  set(`${COLLECTIONS.applications}/app-budi-nilai`, application(NILAI, "cand-budi", "ms"));
  set(`${COLLECTIONS.applications}/app-cici-nilai`, application(NILAI, "cand-cici", "ms"));
  set(`${COLLECTIONS.applications}/app-dedi-nilai`, application(NILAI, "cand-dedi", "tms"));
  set(`${COLLECTIONS.applications}/app-eka-nilai`, { ...application(NILAI, "cand-eka", "ms"), postId: "dinkes" });
  const declared = (postId: string, memberUid: string, kinds: Record<string, string>) =>
    set(`${COLLECTIONS.conflicts}/${NILAI}_${postId}_${memberUid}`, {
      instansiId: METRO,
      selectionId: NILAI,
      postId,
      memberUid,
      entries: [],
      kinds,
      declaredAt: "2019-07-01T01:00:00.000Z",
    });
  // cand-budi is pansel-listed's brother-in-law; cand-cici was never declared.
  declared("bappeda", "pansel-listed", {
    "app-ani-nilai": "none",
    "app-budi-nilai": "family",
    "app-dedi-nilai": "none",
  });
  declared("dinkes", "pansel-listed", { "app-eka-nilai": "none" });
  declared("bappeda", "pansel-unlisted", { "app-ani-nilai": "none" });
  set(`${COLLECTIONS.scores}/app-ani-nilai_makalah_${OTHER_MEMBER}`, submittedScore(OTHER_MEMBER));
}

function submittedScore(memberUid: string, status = "submitted"): Record<string, unknown> {
  return {
    instansiId: METRO,
    selectionId: NILAI,
    postId: "bappeda",
    applicationId: "app-ani-nilai",
    componentId: "makalah",
    memberUid,
    levels: { substansi: 75, "program-kerja": 90, presentasi: 60 },
    value: null,
    note: "",
    status,
    submittedAt: status === "submitted" ? "2019-07-02T01:00:00.000Z" : null,
    revision: 1,
  };
}

/** A draft as the tablet writes it: cand-ani's paper, one indicator scored; `changes` forge the rest. */
function scoreDraft(memberUid: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const draft: Record<string, unknown> = {
    instansiId: METRO,
    selectionId: NILAI,
    postId: "bappeda",
    applicationId: "app-ani-nilai",
    componentId: "makalah",
    componentIndex: 1,
    memberUid,
    levels: { substansi: 75 },
    value: null,
    note: "Paparan runtut.",
    savedAt: "2019-07-02T01:00:00.000Z",
    ...changes,
  };
  // A change to undefined leaves the field out.
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined));
}

const draftPath = (d: Record<string, unknown>) =>
  `${COLLECTIONS.scoreDrafts}/${String(d["applicationId"])}_${String(d["componentId"])}_${String(d["memberUid"])}`;

/** The caller writes their own draft (with `changes`). */
function writeDraft(
  situation: string,
  changes: Record<string, unknown>,
  expected: Cells,
  prepare?: Action["prepare"],
): Row {
  return {
    collection: "scoreDrafts",
    op: prepare ? "update" : "create",
    situation,
    ...(prepare ? { prepare } : {}),
    attempt: (db, uid) => {
      const d = scoreDraft(own(uid), changes);
      return db.doc(draftPath(d)).set(d);
    },
    expected,
  };
}

/** pansel-listed's own draft already on the server, and their score in the given state. */
const listedDraft =
  (scoreStatus: "submitted" | "draft" | null): NonNullable<Action["prepare"]> =>
  async (db) => {
    const d = scoreDraft("pansel-listed");
    await db.doc(draftPath(d)).set(d);
    if (scoreStatus) {
      await db
        .doc(`${COLLECTIONS.scores}/app-ani-nilai_makalah_pansel-listed`)
        .set(submittedScore("pansel-listed", scoreStatus));
    }
  };
// ---- conflicts of interest (issue 9) ----------------------------------------------------------------

const conflictsPath = (selectionId: string, postId: string, memberUid: string) =>
  `${COLLECTIONS.conflicts}/${conflictsId(selectionId, postId, memberUid)}`;

/** A declaration as declareConflicts stores it (storedConflicts). */
function declaration(selectionId: string, postId: string, memberUid: string, kinds: Record<string, ConflictKind>) {
  return {
    instansiId: METRO,
    selectionId,
    postId,
    memberUid,
    entries: Object.entries(kinds).map(([applicationId, kind]) => ({
      applicationId,
      kind,
      note: kind === "other" ? "Mantan atasan langsung" : "",
    })),
    kinds,
    declaredAt: "2023-07-01T02:00:00.000Z",
  };
}
/** pansel-listed's declaration in metro-scoring now says this of cand-ani (or is gone). */
const listedDeclares = (kind: ConflictKind | null) => (db: ClientDb) =>
  kind === null
    ? db.doc(conflictsPath("metro-scoring", "bappeda", "pansel-listed")).delete()
    : db.doc(conflictsPath("metro-scoring", "bappeda", "pansel-listed")).update({ "kinds.app-ani-ms": kind });

// ---- uploads (issue 8) ------------------------------------------------------------------------------

const OPEN_UNTIL = Date.UTC(2100, 0, 1);
const CHUNK = 524_288;
// The compat SDK the rules test library drives wants its own Bytes class (firebase.firestore.Blob),
// which its namespace typings do not declare.
const { Blob: CompatBlob } = (firebase as unknown as { firestore: { Blob: { fromUint8Array(b: Uint8Array): object } } })
  .firestore;
const bytesOf = (size: number) => CompatBlob.fromUint8Array(new Uint8Array(size).fill(0x25));

/** A manifest as the phone writes it for cand-ani's draft: 600 KiB in two chunks. */
function manifest(overrides: Record<string, unknown>, ownerUid = "cand-ani"): Record<string, unknown> {
  return {
    ownerUid,
    instansiId: METRO,
    selectionId: "metro-open",
    applicationId: "app-ani-draft",
    postId: "bappeda",
    documentType: "surat-lamaran",
    fileName: "surat-lamaran.pdf",
    mimeType: "application/pdf",
    size: 600 * 1024,
    sha256: "0".repeat(64),
    chunkCount: 2,
    status: "uploading",
    ...overrides,
  };
}

/** The attachment of an objection to cand-ani's TMS application in metro-result (600 KiB, two chunks). */
const OBJECTION_ATTACHMENT = {
  applicationId: "app-ani-result",
  selectionId: "metro-result",
  documentType: "sanggah",
  fileName: "sk-pangkat-baru.pdf",
  purpose: "objection",
} as const;
/** The objection window of metro-result closed a second ago, by the server's clock. */
const objectionWindowClosed = (db: ClientDb) =>
  db
    .doc(`${COLLECTIONS.selections}/metro-result`)
    .update({ "administrativeResult.objectionClosesAtMs": Date.now() - 1000 });

const createManifest =
  (overrides: Record<string, unknown> = {}) =>
  (db: ClientDb, uid: string | null) =>
    db.doc(`${COLLECTIONS.uploads}/up-new`).set(manifest(overrides, own(uid)));
const writeChunk = (fileId: string, chunkId: string, data: Record<string, unknown>) => (db: ClientDb) =>
  db.doc(`${COLLECTIONS.uploads}/${fileId}/${COLLECTIONS.chunks}/${chunkId}`).set(data);
/** The registration of metro-open closed a second ago, by the server's clock. */
const deadlinePassed = (db: ClientDb) =>
  db.doc(`${COLLECTIONS.publicSelections}/metro-open`).update({ registrationClosesAtMs: Date.now() - 1000 });

// ---- actions ------------------------------------------------------------------------------------

/** A stage outcome as publishStageResult writes it on an application. */
const STAGE_OUTCOME = {
  "stageOutcomes.asesmenManajerial": {
    advances: true,
    final: false,
    rank: null,
    total: null,
    reason: null,
    documentId: "metro-scoring_asesmenManajerial-hasilTahap-v1",
    number: "001/PENG/2021",
    publishedAt: "2021-11-01T03:00:00.000Z",
  },
};

const get = (collection: string, situation: string, path: string): Action => ({
  collection,
  op: "get",
  situation,
  attempt: (db) => db.doc(path).get(),
});

const selectionsRef = (db: ClientDb) => db.collection(COLLECTIONS.selections);
const own = (uid: string | null) => uid ?? "signed-out";

/** Creates a draft as the operator form would send it; `overrides` forge what the form never sends. */
const createDraft =
  (overrides: Record<string, unknown> = {}) =>
  (db: ClientDb) =>
    selectionsRef(db)
      .doc("new")
      .set({ ...selection({}), ...overrides });

// ---- the table ----------------------------------------------------------------------------------
// expected, in ROLES order:
//   [anonymous, candidate, otherCandidate, operatorMetro, operatorPontianak, panselListed, panselUnlisted, pejabatMetro]
/** A signature on metro-scoring's berita acara of asesmenManajerial, the stage it is in. */
function signature(uid: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    instansiId: METRO,
    selectionId: "metro-scoring",
    stage: "asesmenManajerial",
    memberUid: uid,
    path: "M10 40L20 35L30 50L40 30",
    signedAtDevice: "2023-07-10T15:02:00.000+07:00",
    ...changes,
  };
}
const signDoc = (uid: string | null, stage = "asesmenManajerial") =>
  `${COLLECTIONS.signatures}/metro-scoring_${stage}_${own(uid)}`;

const TABLE: readonly Row[] = [
  // instansi: public letterheads, written only by functions.
  { ...get("instansi", "tenant profile", `instansi/${METRO}`), expected: [A, A, A, A, A, A, A, A] },
  {
    collection: "instansi",
    op: "list",
    situation: "all tenants",
    attempt: (db) => db.collection(COLLECTIONS.instansi).get(),
    expected: [A, A, A, A, A, A, A, A],
  },
  {
    collection: "instansi",
    op: "create",
    situation: "a new tenant",
    attempt: (db) => db.doc(`instansi/kota-baru`).set({ name: "Pemerintah Kota Baru" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "instansi",
    op: "update",
    situation: "own tenant's name",
    attempt: (db) => db.doc(`instansi/${METRO}`).update({ name: "Pemkot Metro" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    // The dates that decide whether a pelantikan needs the Minister's letter: recordRegionalCalendar only.
    collection: "instansi",
    op: "update",
    situation: "own tenant's Penjabat periods emptied",
    attempt: (db) => db.doc(`instansi/${METRO}`).update({ elections: [], actingHeads: [] }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "instansi",
    op: "delete",
    situation: "a tenant",
    attempt: (db) => db.doc(`instansi/${METRO}`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // members: staff of one tenant see their colleagues; roles change only through setStaffRoles.
  {
    ...get("members", "kota-metro operator", `instansi/${METRO}/members/op-metro`),
    expected: [D, D, D, A, D, A, A, A],
  },
  {
    collection: "members",
    op: "list",
    situation: "kota-metro staff",
    attempt: (db) => db.collection(`instansi/${METRO}/members`).get(),
    expected: [D, D, D, A, D, A, A, A],
  },
  {
    ...get("members", "kota-pontianak operator", `instansi/${PONTIANAK}/members/op-pontianak`),
    expected: [D, D, D, D, A, D, D, D],
  },
  {
    collection: "members",
    op: "create",
    // For staff this overwrites their own existing entry; for candidates it would be a new one.
    situation: "own uid with an operator role (self-promotion)",
    attempt: (db, uid) =>
      db
        .doc(`instansi/${METRO}/members/${own(uid)}`)
        .set({ instansiId: METRO, email: "x@seleksi.demo", roles: ["operator"] }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "members",
    op: "update",
    situation: "a pansel member promoted to operator",
    attempt: (db) => db.doc(`instansi/${METRO}/members/pansel-listed`).update({ roles: ["operator"] }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "members",
    op: "delete",
    situation: "a colleague",
    attempt: (db) => db.doc(`instansi/${METRO}/members/pejabat-metro`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // selections: the internal document is for the tenant's staff and the selection's pansel; the
  // public and candidates read publicSelections (below), which holds only what is published.
  {
    ...get("selections", "announced (pendaftaran, public)", "selections/metro-open"),
    expected: [D, D, D, A, D, A, A, A],
  },
  {
    // Operators and the pejabat of the tenant read its drafts; a pansel member only the selection
    // whose panselUids names them, so one committee never sees another's candidates.
    ...get("selections", "kota-metro draft (persiapan, unpublished)", "selections/metro-draft"),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    ...get("selections", "kota-pontianak draft (persiapan, unpublished)", "selections/pontianak-draft"),
    expected: [D, D, D, D, A, D, D, D],
  },
  {
    collection: "selections",
    op: "list",
    // The old public list: it would hand out pendingProposal, panselUids, postDecisions, counts.
    situation: 'public list where("public", "==", true)',
    attempt: (db) => selectionsRef(db).where("public", "==", true).get(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // publicSelections: the projection kept by the projectPublicSelection trigger; read by anyone,
  // written by nobody (a forged "pendaftaran" card or a changed contact number must not be possible).
  {
    ...get("publicSelections", "announced selection's card", "publicSelections/metro-open"),
    expected: [A, A, A, A, A, A, A, A],
  },
  {
    ...get("publicSelections", "its detail (requirements)", "publicSelections/metro-open/detail/main"),
    expected: [A, A, A, A, A, A, A, A],
  },
  {
    collection: "publicSelections",
    op: "list",
    situation: 'the public list orderBy("announcedAt", "desc")',
    attempt: (db) => db.collection(COLLECTIONS.publicSelections).orderBy("announcedAt", "desc").limit(20).get(),
    expected: [A, A, A, A, A, A, A, A],
  },
  ...allListFilters().map((filters): Row => ({
    collection: "publicSelections",
    op: "list",
    situation: `a page of the public list filtered by ${JSON.stringify(filters)}`,
    attempt: (db) => listPage(db, filters, null),
    expected: [A, A, A, A, A, A, A, A],
  })),
  {
    collection: "publicSelections",
    op: "list",
    situation: "the second page, after a cursor",
    attempt: (db) => listPage(db, { level: "jptPratama" }, { value: "2021-09-13T08:00:00+07:00", id: "metro-open" }),
    expected: [A, A, A, A, A, A, A, A],
  },
  {
    collection: "publicSelections",
    op: "list",
    situation: "every card at once (no limit)",
    attempt: (db) => db.collection(COLLECTIONS.publicSelections).where("province", "==", "Lampung").get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "publicSelections",
    op: "list",
    situation: "a page larger than the list's (limit 500)",
    attempt: (db) => db.collection(COLLECTIONS.publicSelections).orderBy("announcedAt", "desc").limit(500).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "publicSelections",
    op: "create",
    situation: "a forged card for a draft",
    attempt: (db) =>
      db
        .doc(`${COLLECTIONS.publicSelections}/metro-draft`)
        .set({ instansiId: METRO, title: "x", stage: "pendaftaran" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "publicSelections",
    op: "update",
    situation: "the stage of an announced selection",
    attempt: (db) => db.doc(`${COLLECTIONS.publicSelections}/metro-open`).update({ stage: "selesai" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "publicSelections",
    op: "update",
    situation: "the contact in the detail",
    attempt: (db) =>
      db.doc(`${COLLECTIONS.publicSelections}/metro-open/detail/main`).update({ "contact.phone": "0800" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "publicSelections",
    op: "delete",
    situation: "an announced selection's card",
    attempt: (db) => db.doc(`${COLLECTIONS.publicSelections}/metro-open`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "list",
    situation: "unfiltered (would include other tenants' drafts)",
    attempt: (db) => selectionsRef(db).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "list",
    situation: 'staff list where("instansiId", "==", "kota-metro")',
    attempt: (db) => selectionsRef(db).where("instansiId", "==", METRO).get(),
    // Pansel members list by panselUids instead: this query could return selections not theirs.
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    // The query proves each result names the caller; the pansel role (checked against the members
    // record) proves they still sit on a committee.
    collection: "selections",
    op: "list",
    situation: 'my pansel selections where("panselUids", "array-contains", own uid)',
    attempt: (db, uid) => selectionsRef(db).where("panselUids", "array-contains", own(uid)).get(),
    expected: [D, D, D, D, D, A, A, D],
  },
  {
    collection: "selections",
    op: "list",
    situation: "someone else's pansel selections (panselUids contains pansel-listed)",
    attempt: (db) => selectionsRef(db).where("panselUids", "array-contains", "pansel-listed").get(),
    expected: [D, D, D, D, D, A, D, D],
  },

  // selections: created only by the createSelectionDraft function, which fills in the process
  // fields; a client, even the tenant's operator, cannot create one, forged or not.
  {
    collection: "selections",
    op: "create",
    situation: "kota-metro draft in persiapan",
    attempt: createDraft(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "create",
    situation: "kota-pontianak draft in persiapan",
    attempt: createDraft({ instansiId: PONTIANAK, instansiName: "Pemerintah Kota Pontianak" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "create",
    situation: "forged stage pendaftaran, public",
    attempt: createDraft({ stage: "pendaftaran", public: true }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // selections: every write is the functions'. The setup goes through saveSetup (validated with the
  // wizard's schema, revision-checked, frozen while a proposal is pending), so even the operator's
  // own draft is closed to direct writes.
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: title, posts, panselUids",
    attempt: (db) =>
      selectionsRef(db)
        .doc("metro-draft")
        .update({
          title: "Seleksi Terbuka JPT Pratama Kota Metro Tahun 2025",
          posts: [
            {
              id: "bpkad",
              name: "Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
              opd: "BPKAD",
              level: "jptPratama",
            },
          ],
          panselUids: ["pansel-listed", "pansel-unlisted"],
        }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-pontianak draft: title",
    attempt: (db) => selectionsRef(db).doc("pontianak-draft").update({ title: "Seleksi JPT Pratama Pontianak" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: stage persiapan -> pendaftaran",
    attempt: (db) => selectionsRef(db).doc("metro-draft").update({ stage: "pendaftaran" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: public -> true",
    attempt: (db) => selectionsRef(db).doc("metro-draft").update({ public: true }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: announcedAt set",
    attempt: (db) => selectionsRef(db).doc("metro-draft").update({ announcedAt: "2025-01-02T08:00:00+07:00" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: instansiId moved to kota-pontianak",
    attempt: (db) => selectionsRef(db).doc("metro-draft").update({ instansiId: PONTIANAK }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: title emptied",
    attempt: (db) => selectionsRef(db).doc("metro-draft").update({ title: "" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: schedule and scoring plan",
    attempt: (db) =>
      selectionsRef(db)
        .doc("metro-draft")
        .update({
          schedule: { pendaftaran: { start: "2025-03-03", end: "2025-03-17" } },
          scoringPlan: { components: [], finalistsPerPost: 3 },
        }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    // The hole of issue 7: the old rules checked only that posts was a list, and the selection then
    // failed to parse everywhere.
    collection: "selections",
    op: "update",
    situation: 'kota-metro draft: posts: ["x"]',
    attempt: (db) =>
      selectionsRef(db)
        .doc("metro-draft")
        .update({ posts: ["x"] }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: a 1 MiB contact",
    attempt: (db) =>
      selectionsRef(db)
        .doc("metro-draft")
        .update({ contact: { name: "x".repeat(1_000_000), phone: "", email: "", address: "" } }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    // Counters and recorded decisions drive the gates: a client that could write them could open
    // any gate.
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: forged counts and election approval",
    attempt: (db) =>
      selectionsRef(db)
        .doc("metro-draft")
        .update({
          counts: {
            applicantsPerPost: { bappeda: 9 },
            unverifiedApplications: 0,
            openObjections: 0,
            unlockedScores: 0,
          },
          electionApproval: { letterNumber: "100.2.2.6/0001/OTDA", date: "2025-01-02" },
        }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "update",
    situation: "kota-metro draft: a pending proposal forged",
    attempt: (db) =>
      selectionsRef(db)
        .doc("metro-draft")
        .update({
          pendingProposal: { id: "x", from: "persiapan", to: "pendaftaran", proposedByName: "x", proposedAt: "x" },
        }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // roleAudit: every grant and removal, for the operators and pejabat of that instansi
  {
    ...get("roleAudit", "a kota-metro role change", `instansi/${METRO}/${COLLECTIONS.roleAudit}/r1`),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "roleAudit",
    op: "list",
    situation: "kota-metro role changes",
    attempt: (db) => db.collection(`instansi/${METRO}/${COLLECTIONS.roleAudit}`).get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "roleAudit",
    op: "create",
    situation: "a forged grant",
    attempt: (db, uid) =>
      db.collection(`instansi/${METRO}/${COLLECTIONS.roleAudit}`).add({ instansiId: METRO, actorUid: own(uid) }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "roleAudit",
    op: "delete",
    situation: "erasing a grant",
    attempt: (db) => db.doc(`instansi/${METRO}/${COLLECTIONS.roleAudit}/r1`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // calendarAudit: every change of the election dates and Penjabat periods (recordRegionalCalendar only)
  {
    ...get("calendarAudit", "a kota-metro calendar change", `instansi/${METRO}/${COLLECTIONS.calendarAudit}/c1`),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "calendarAudit",
    op: "list",
    situation: "kota-metro calendar changes",
    attempt: (db) => db.collection(`instansi/${METRO}/${COLLECTIONS.calendarAudit}`).get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "calendarAudit",
    op: "create",
    situation: "a forged change",
    attempt: (db, uid) =>
      db.collection(`instansi/${METRO}/${COLLECTIONS.calendarAudit}`).add({ instansiId: METRO, actorUid: own(uid) }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "calendarAudit",
    op: "update",
    situation: "rewriting who changed it",
    attempt: (db) =>
      db.doc(`instansi/${METRO}/${COLLECTIONS.calendarAudit}/c1`).update({ actor: { uid: "x", name: "x" } }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "calendarAudit",
    op: "delete",
    situation: "erasing a change",
    attempt: (db) => db.doc(`instansi/${METRO}/${COLLECTIONS.calendarAudit}/c1`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    // Stored answers of instansi-level calls: a forged one would be replayed as the function's answer.
    ...get("instansiRequests", "a kota-metro stored answer", `instansi/${METRO}/${COLLECTIONS.requests}/q1`),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "instansiRequests",
    op: "create",
    situation: "a forged stored answer",
    attempt: (db, uid) =>
      db.doc(`instansi/${METRO}/${COLLECTIONS.requests}/q2`).set({ uid: own(uid), action: "recordRegionalCalendar" }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // the record of the process: proposals and audit, written by functions only
  {
    // A pansel member reads the proposals of the committee they sit on (panselUids), not another's.
    ...get("proposals", "a proposal of a kota-metro selection", "selections/metro-draft/proposals/p1"),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    collection: "proposals",
    op: "list",
    situation: 'inbox: collection group where instansiId == kota-metro and status == "pending"',
    attempt: (db) =>
      db.collectionGroup("proposals").where("instansiId", "==", METRO).where("status", "==", "pending").get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "proposals",
    op: "create",
    situation: "a proposal written by a client",
    attempt: (db) =>
      db.doc("selections/metro-draft/proposals/p2").set({ instansiId: METRO, status: "pending", to: "pendaftaran" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "proposals",
    op: "update",
    situation: "approving a proposal directly",
    attempt: (db) => db.doc("selections/metro-draft/proposals/p1").update({ status: "approved" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    ...get("audit", "an audit entry of a kota-metro selection", "selections/metro-draft/audit/00000001"),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "audit",
    op: "update",
    situation: "rewriting history",
    attempt: (db) => db.doc("selections/metro-draft/audit/00000001").update({ reason: "tidak pernah terjadi" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  // issued documents: the public record behind a printout's QR code
  { ...get("documents", "an issued (valid) pengumuman", "documents/doc-valid"), expected: [A, A, A, A, A, A, A, A] },
  {
    // Not yet finished: only the government's own staff see it.
    ...get("documents", "a pengumuman still being issued", "documents/doc-issuing"),
    expected: [D, D, D, A, D, A, A, A],
  },
  {
    // Revoked when the selection was cancelled: a printout must still say so to anyone who scans it.
    ...get("documents", "a revoked pengumuman", "documents/doc-revoked"),
    expected: [A, A, A, A, A, A, A, A],
  },
  {
    collection: "documents",
    op: "update",
    situation: "un-revoking a cancelled selection's pengumuman",
    attempt: (db) => db.doc(`${COLLECTIONS.documents}/doc-revoked`).update({ status: "valid" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    // What a version is rendered from: for the functions only, even for the tenant's own staff.
    ...get("documents", "the snapshot a version is rendered from", "documents/doc-valid/snapshot/input"),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "documents",
    op: "list",
    situation: "every document",
    attempt: (db) => db.collection(COLLECTIONS.documents).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "documents",
    op: "update",
    situation: "marking a superseded version valid again",
    attempt: (db) => db.doc(`${COLLECTIONS.documents}/doc-valid`).update({ status: "valid", number: "999" }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // files in Firestore chunks: public documents for anyone; a private file for its owner and the
  // tenant's operators and pejabat; for a pansel member only a file naming its application, which the
  // member may see (their committee and post, MS, no conflict declared), never another tenant.
  { ...get("files", "a public document's file", "files/f-public"), expected: [A, A, A, A, A, A, A, A] },
  {
    ...get("chunks", "a chunk of a public document", "files/f-public/chunks/00000"),
    expected: [A, A, A, A, A, A, A, A],
  },
  {
    // Naming no application, it is not the pansel's, even on pansel-listed's committee.
    ...get("files", "cand-ani's file for the draft, naming no application", "files/f-private"),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("chunks", "a chunk of cand-ani's file for the draft", "files/f-private/chunks/00000"),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("files", "cand-ani's receipt, MS, pansel-listed declared none", "files/f-receipt-ms"),
    expected: [D, A, D, A, D, A, D, A],
  },
  {
    ...get("chunks", "a chunk of cand-ani's receipt, MS, declared none", "files/f-receipt-ms/chunks/00000"),
    expected: [D, A, D, A, D, A, D, A],
  },
  {
    // A recused member who worked out the receipt's id (the application's id + "-tandaBukti").
    ...get("files", "cand-ani's receipt, pansel-listed recused", "files/f-receipt-ms"),
    prepare: listedDeclares("family"),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("chunks", "a chunk of cand-ani's receipt, pansel-listed undeclared", "files/f-receipt-ms/chunks/00000"),
    prepare: listedDeclares(null),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("files", "cand-budi's receipt, TMS", "files/f-receipt-tms"),
    expected: [D, D, A, A, D, D, D, A],
  },
  {
    ...get("files", "cand-budi's upload for the open selection (no pansel account)", "files/f-budi"),
    expected: [D, D, A, A, D, D, D, A],
  },
  {
    ...get("chunks", "a chunk of cand-budi's upload", "files/f-budi/chunks/00000"),
    expected: [D, D, A, A, D, D, D, A],
  },
  {
    // A half-written public file is not served, not even as public; it names no selection.
    ...get("files", "a public file still being written", "files/f-half"),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "chunks",
    op: "create",
    situation: "a chunk written by a client",
    attempt: (db) => db.doc("files/f-private/chunks/00001").set({ index: 1, instansiId: METRO, size: 1 }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "requests",
    op: "get",
    situation: "an idempotency record",
    attempt: (db) => db.doc("selections/metro-draft/requests/r1").get(),
    expected: [D, D, D, D, D, D, D, D],
  },

  {
    collection: "selections",
    op: "update",
    situation: "announced (pendaftaran): stage back to persiapan",
    attempt: (db) => selectionsRef(db).doc("metro-open").update({ stage: "persiapan", public: false }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    // Once announced, the text is public record: a correction is an official errata, made by a function.
    collection: "selections",
    op: "update",
    situation: "announced (pendaftaran): title",
    attempt: (db) =>
      selectionsRef(db).doc("metro-open").update({ title: "Seleksi Terbuka JPT Pratama Kota Metro 2024 (Ralat)" }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // selections: a draft is deleted through deleteDraft, which keeps one whose proposal is pending
  {
    collection: "selections",
    op: "delete",
    situation: "kota-metro draft in persiapan",
    attempt: (db) => selectionsRef(db).doc("metro-draft").delete(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "delete",
    situation: "kota-pontianak draft in persiapan",
    attempt: (db) => selectionsRef(db).doc("pontianak-draft").delete(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "selections",
    op: "delete",
    situation: "kota-metro selection in pendaftaran (announced)",
    attempt: (db) => selectionsRef(db).doc("metro-open").delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // applications: written by functions only; read by the owner, the tenant's operators and pejabat,
  // and the selection's pansel once the administrative result is out, MS candidates only
  {
    ...get("applications", "cand-ani's, submitted, registration open", "applications/app-ani-open"),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("applications", "cand-ani's, MS, selection in asesmenManajerial", "applications/app-ani-ms"),
    expected: [D, A, D, A, D, A, D, A],
  },
  {
    ...get("applications", "cand-budi's, TMS, selection in asesmenManajerial", "applications/app-budi-tms"),
    expected: [D, D, A, A, D, D, D, A],
  },
  // [anonymous, candidate, otherCandidate, operatorMetro, operatorPontianak, panselListed, panselUnlisted, pejabatMetro]
  {
    ...get("applications", "cand-ani's, MS, a post narrowed to pansel-unlisted", "applications/app-ani-assigned"),
    expected: [D, A, D, A, D, D, A, A],
  },
  {
    ...get("applications", "cand-budi's, MS, a post left to the whole committee", "applications/app-budi-whole"),
    expected: [D, D, A, A, D, A, A, A],
  },
  // A pansel member reads an MS candidate only after declaring no conflict with them for that post.
  {
    ...get("applications", "cand-ani's, MS, pansel-listed recused (family tie)", "applications/app-ani-ms"),
    prepare: listedDeclares("family"),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("applications", "cand-ani's, MS, pansel-listed recused (other)", "applications/app-ani-ms"),
    prepare: listedDeclares("other"),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("applications", "cand-ani's, MS, pansel-listed has not declared", "applications/app-ani-ms"),
    prepare: listedDeclares(null),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    // The declaration is the reader's own: pansel-unlisted's recusal does not close it to pansel-listed.
    ...get("applications", "cand-budi's, whole committee, pansel-unlisted recused", "applications/app-budi-whole"),
    prepare: (db) =>
      db.doc(conflictsPath("metro-assigned", "dinkes", "pansel-unlisted")).update({ "kinds.app-budi-whole": "family" }),
    expected: [D, D, A, A, D, A, D, A],
  },
  {
    // Another member's "none" does not open it: pansel-listed's own declaration is missing.
    ...get("applications", "cand-budi's, whole committee, pansel-listed undeclared", "applications/app-budi-whole"),
    prepare: (db) => db.doc(conflictsPath("metro-assigned", "dinkes", "pansel-listed")).delete(),
    expected: [D, D, A, A, D, D, A, A],
  },
  // A stage's result announced (publishStageResult): the candidate's own outcome, with the reason they
  // did not go on, is on their application: the owner reads it, another candidate never does, and no
  // client writes it.
  {
    ...get("applications", "cand-ani's, MS, with her outcome of a stage announced", "applications/app-ani-ms"),
    prepare: (db) => db.doc(`${COLLECTIONS.applications}/app-ani-ms`).update(STAGE_OUTCOME),
    expected: [D, A, D, A, D, A, D, A],
  },
  {
    collection: "applications",
    op: "update",
    situation: "cand-ani's MS one: her own stage outcome forged to go on",
    attempt: (db) => db.doc(`${COLLECTIONS.applications}/app-ani-ms`).update(STAGE_OUTCOME),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "applications",
    op: "list",
    situation: "the caller's own (where candidateUid == uid)",
    attempt: (db, uid) => db.collection(COLLECTIONS.applications).where("candidateUid", "==", own(uid)).get(),
    expected: [D, A, A, A, A, A, A, A],
  },
  {
    collection: "applications",
    op: "list",
    situation: "kota-metro's (where instansiId == kota-metro)",
    attempt: (db) => db.collection(COLLECTIONS.applications).where("instansiId", "==", METRO).get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "applications",
    op: "list",
    situation: "every application",
    attempt: (db) => db.collection(COLLECTIONS.applications).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "applications",
    op: "update",
    situation: "cand-ani's submitted one: forged status ms",
    attempt: (db) => db.doc(`${COLLECTIONS.applications}/app-ani-open`).update({ status: "ms" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "applications",
    op: "create",
    situation: "an application written by the client",
    attempt: (db, uid) =>
      db.doc(`${COLLECTIONS.applications}/metro-open_bappeda_${own(uid)}`).set({
        instansiId: METRO,
        selectionId: "metro-open",
        postId: "bappeda",
        candidateUid: own(uid),
        status: "draft",
      }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    ...get("applications/review", "the operators' review of cand-ani's", "applications/app-ani-open/review/main"),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    ...get(
      "applications/review",
      "a review not started yet (app-ani-ms has none)",
      "applications/app-ani-ms/review/main",
    ),
    expected: [D, D, D, A, D, D, D, A],
  },

  // importedScores: written by importAssessment only; read by the tenant's operators and pejabat.
  // Not by the pansel (the recusal is checked where the pansel reads scores) nor by the candidate.
  // [anonymous, candidate, otherCandidate, operatorMetro, operatorPontianak, panselListed, panselUnlisted, pejabatMetro]
  {
    ...get("importedScores", "cand-ani's assessment result, MS", "importedScores/app-ani-ms_asesmen"),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    ...get("importedScores", "a kota-pontianak result", "importedScores/app-pontianak_asesmen"),
    expected: [D, D, D, D, A, D, D, D],
  },
  {
    collection: "importedScores",
    op: "list",
    situation: "kota-metro's of a selection (where instansiId, selectionId)",
    attempt: (db) =>
      db
        .collection(COLLECTIONS.importedScores)
        .where("instansiId", "==", METRO)
        .where("selectionId", "==", "metro-scoring")
        .get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "importedScores",
    op: "list",
    situation: "every imported result",
    attempt: (db) => db.collection(COLLECTIONS.importedScores).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "importedScores",
    op: "create",
    situation: "a result written by the client (forged full marks)",
    attempt: (db) =>
      db.doc(`${COLLECTIONS.importedScores}/app-ani-ms_wawancara`).set({
        instansiId: METRO,
        selectionId: "metro-scoring",
        postId: "bappeda",
        applicationId: "app-ani-ms",
        componentId: "wawancara",
        raw: 400,
        rawMax: 400,
        marks: 40000,
      }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "importedScores",
    op: "update",
    situation: "cand-ani's result raised",
    attempt: (db) => db.doc(`${COLLECTIONS.importedScores}/app-ani-ms_asesmen`).update({ raw: 400, marks: 40000 }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "importedScores",
    op: "delete",
    situation: "cand-ani's result",
    attempt: (db) => db.doc(`${COLLECTIONS.importedScores}/app-ani-ms_asesmen`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // uploads: the phone writes its own draft's manifest and chunks inside the registration window;
  // the function alone decides; a complete file is immutable. Reads: owner, the tenant's operators
  // and pejabat, the selection's pansel for MS applications after the administrative stage.
  {
    collection: "uploads",
    op: "create",
    situation: "a manifest for cand-ani's draft, registration open",
    attempt: createManifest(),
    expected: [D, A, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "create",
    situation: "a manifest after the deadline (server clock)",
    prepare: deadlinePassed,
    attempt: createManifest(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "create",
    situation: "a manifest for a submitted application",
    prepare: (db) => db.doc(`${COLLECTIONS.applications}/app-ani-draft`).update({ status: "submitted" }),
    attempt: createManifest(),
    expected: [D, D, D, D, D, D, D, D],
  },
  ...(
    [
      ["a self-accepted manifest", { status: "accepted" }],
      ["a manifest naming another post", { postId: "dpkp" }],
      ["a manifest naming another selection", { selectionId: "metro-scoring" }],
      ["a manifest naming another tenant", { instansiId: PONTIANAK }],
      ["a manifest with a forged verdict", { verified: { size: 1, sha256: "0".repeat(64), format: "pdf" } }],
      ["a manifest over 10 MiB", { size: 10 * 1024 * 1024 + 1, chunkCount: 21 }],
      ["a manifest whose chunk count does not fit its size", { chunkCount: 1 }],
      ["a manifest with a file name of 201 characters", { fileName: "x".repeat(201) }],
    ] as const
  ).map(([situation, change]): Row => ({
    collection: "uploads",
    op: "create",
    situation,
    attempt: createManifest(change),
    expected: [D, D, D, D, D, D, D, D],
  })),
  {
    collection: "uploads",
    op: "update",
    situation: "uploading -> complete",
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-uploading`).update({ status: "complete" }),
    expected: [D, A, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "update",
    situation: "uploading -> complete after the deadline",
    prepare: deadlinePassed,
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-uploading`).update({ status: "complete" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "update",
    situation: "uploading -> accepted (a verdict)",
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-uploading`).update({ status: "accepted" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "update",
    situation: "completing with another size",
    attempt: (db) =>
      db.doc(`${COLLECTIONS.uploads}/up-ani-uploading`).update({ status: "complete", size: 1000, chunkCount: 1 }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "update",
    situation: "a complete file's hash changed (write after complete)",
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-complete`).update({ sha256: "1".repeat(64) }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "update",
    situation: "a complete file back to uploading",
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-complete`).update({ status: "uploading" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "delete",
    situation: "a complete file",
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-complete`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    ...get("uploads", "cand-ani's, draft, registration open", `${COLLECTIONS.uploads}/up-ani-uploading`),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("uploads", "cand-ani's, MS, selection in asesmenManajerial", `${COLLECTIONS.uploads}/up-ani-ms`),
    expected: [D, A, D, A, D, A, D, A],
  },
  {
    // The same file while the administrative stage runs: not the pansel's yet.
    ...get("uploads", "cand-ani's, MS, selection in seleksiAdministrasi", `${COLLECTIONS.uploads}/up-ani-ms`),
    prepare: (db) => db.doc(`${COLLECTIONS.selections}/metro-scoring`).update({ stage: "seleksiAdministrasi" }),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("uploads", "cand-ani's, MS, pansel-listed recused", `${COLLECTIONS.uploads}/up-ani-ms`),
    prepare: listedDeclares("superiorSubordinate"),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get(
      "uploads/chunks",
      "a chunk of cand-ani's MS file",
      `${COLLECTIONS.uploads}/up-ani-ms/${COLLECTIONS.chunks}/00000`,
    ),
    expected: [D, A, D, A, D, A, D, A],
  },
  {
    ...get(
      "uploads/chunks",
      "a chunk of cand-ani's MS file, pansel-listed undeclared",
      `${COLLECTIONS.uploads}/up-ani-ms/${COLLECTIONS.chunks}/00000`,
    ),
    prepare: listedDeclares(null),
    expected: [D, A, D, A, D, D, D, A],
  },
  // conflicts: written only by declareConflicts; read by the member who declared and the tenant's
  // operators and pejabat, never by another member or another government.
  {
    ...get(
      "conflicts",
      "pansel-listed's declaration in metro-scoring",
      conflictsPath("metro-scoring", "bappeda", "pansel-listed"),
    ),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    ...get(
      "conflicts",
      "pansel-unlisted's declaration in metro-assigned",
      conflictsPath("metro-assigned", "bappeda", "pansel-unlisted"),
    ),
    expected: [D, D, D, A, D, D, A, A],
  },
  {
    collection: "conflicts",
    op: "list",
    situation: "the caller's own (where memberUid == uid)",
    attempt: (db, uid) => db.collection(COLLECTIONS.conflicts).where("memberUid", "==", own(uid)).get(),
    expected: [D, A, A, A, A, A, A, A],
  },
  {
    collection: "conflicts",
    op: "list",
    situation: "kota-metro's (where instansiId == kota-metro)",
    attempt: (db) => db.collection(COLLECTIONS.conflicts).where("instansiId", "==", METRO).get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "conflicts",
    op: "create",
    situation: "a member's own declaration written by the client (none for everyone)",
    attempt: (db, uid) =>
      db
        .doc(conflictsPath("metro-assigned", "bappeda", own(uid)))
        .set(declaration("metro-assigned", "bappeda", own(uid), { "app-ani-assigned": "none" })),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "conflicts",
    op: "update",
    situation: "a recusal turned into none by the member",
    prepare: listedDeclares("family"),
    attempt: (db) =>
      db.doc(conflictsPath("metro-scoring", "bappeda", "pansel-listed")).update({ "kinds.app-ani-ms": "none" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "conflicts",
    op: "delete",
    situation: "pansel-listed's declaration (to declare again)",
    attempt: (db) => db.doc(conflictsPath("metro-scoring", "bappeda", "pansel-listed")).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    ...get("uploads", "cand-budi's, TMS, selection in asesmenManajerial", `${COLLECTIONS.uploads}/up-budi-tms`),
    expected: [D, D, A, A, D, D, D, A],
  },
  {
    collection: "uploads",
    op: "list",
    situation: "where ownerUid == own uid",
    attempt: (db, uid) => db.collection(COLLECTIONS.uploads).where("ownerUid", "==", own(uid)).get(),
    expected: [D, A, A, A, A, A, A, A],
  },
  {
    collection: "uploads",
    op: "list",
    situation: "where instansiId == kota-metro",
    attempt: (db) => db.collection(COLLECTIONS.uploads).where("instansiId", "==", METRO).get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "uploads/chunks",
    op: "create",
    situation: "chunk 00001 of 2 (512 KiB), uploading",
    attempt: writeChunk("up-ani-uploading", "00001", { data: bytesOf(CHUNK) }),
    expected: [D, A, D, D, D, D, D, D],
  },
  {
    collection: "uploads/chunks",
    op: "update",
    situation: "chunk 00000 again with the same bytes (a retried write)",
    attempt: writeChunk("up-ani-uploading", "00000", { data: bytesOf(CHUNK) }),
    expected: [D, A, D, D, D, D, D, D],
  },
  ...(
    [
      ["chunk too big (512 KiB + 1)", "up-ani-uploading", "00001", { data: bytesOf(CHUNK + 1) }],
      ["chunk index out of range (00002 of 2)", "up-ani-uploading", "00002", { data: bytesOf(10) }],
      ["chunk index past MAX_UPLOAD_CHUNKS (00020)", "up-ani-uploading", "00020", { data: bytesOf(10) }],
      ["chunk id not five digits", "up-ani-uploading", "1", { data: bytesOf(10) }],
      ["chunk with another key", "up-ani-uploading", "00001", { data: bytesOf(10), index: 1 }],
      ["chunk data not bytes", "up-ani-uploading", "00001", { data: "JVBERi0=" }],
      ["chunk 00000 rewritten with other bytes", "up-ani-uploading", "00000", { data: bytesOf(10) }],
      ["chunk of a complete file (write after complete)", "up-ani-complete", "00001", { data: bytesOf(10) }],
      ["chunk of an MS application's file", "up-ani-ms", "00001", { data: bytesOf(10) }],
    ] as const
  ).map(([situation, fileId, chunkId, data]): Row => ({
    collection: "uploads/chunks",
    op: "create",
    situation,
    attempt: writeChunk(fileId, chunkId, data),
    expected: [D, D, D, D, D, D, D, D],
  })),
  {
    collection: "uploads/chunks",
    op: "create",
    situation: "chunk 00001 after the deadline",
    prepare: deadlinePassed,
    attempt: writeChunk("up-ani-uploading", "00001", { data: bytesOf(10) }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads/chunks",
    op: "delete",
    situation: "chunk 00000 of an upload in progress",
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-uploading/${COLLECTIONS.chunks}/00000`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },
  // An objection's attachment: the owner of the TMS application, inside the objection window, before
  // the objection is filed; never on another application, never as a checklist document.
  {
    collection: "uploads",
    op: "create",
    situation: "an objection attachment for cand-ani's TMS application, window open",
    attempt: createManifest(OBJECTION_ATTACHMENT),
    expected: [D, A, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "create",
    situation: "an objection attachment after the objection window (server clock)",
    prepare: objectionWindowClosed,
    attempt: createManifest(OBJECTION_ATTACHMENT),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "create",
    situation: "an objection attachment once the objection is filed",
    prepare: (db) => db.doc(`${COLLECTIONS.applications}/app-ani-result`).update({ objection: { status: "open" } }),
    attempt: createManifest(OBJECTION_ATTACHMENT),
    expected: [D, D, D, D, D, D, D, D],
  },
  ...(
    [
      ["an objection attachment for an MS application", { applicationId: "app-ani-ms", selectionId: "metro-scoring" }],
      ["an objection attachment for a draft", { applicationId: "app-ani-draft", selectionId: "metro-open" }],
      ["an objection attachment typed as a checklist document", { documentType: "sk-pangkat" }],
      ["an objection attachment with another purpose", { purpose: "checklist" }],
    ] as const
  ).map(([situation, change]): Row => ({
    collection: "uploads",
    op: "create",
    situation,
    attempt: createManifest({ ...OBJECTION_ATTACHMENT, ...change }),
    expected: [D, D, D, D, D, D, D, D],
  })),
  {
    collection: "uploads",
    op: "create",
    situation: "a checklist document (no purpose) for the TMS application",
    attempt: createManifest({ applicationId: "app-ani-result", selectionId: "metro-result" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "update",
    situation: "objection attachment uploading -> complete, window open",
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-objection`).update({ status: "complete" }),
    expected: [D, A, D, D, D, D, D, D],
  },
  {
    collection: "uploads",
    op: "update",
    situation: "objection attachment uploading -> complete after the window",
    prepare: objectionWindowClosed,
    attempt: (db) => db.doc(`${COLLECTIONS.uploads}/up-ani-objection`).update({ status: "complete" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "uploads/chunks",
    op: "create",
    situation: "chunk 00000 of an objection attachment, window open",
    attempt: writeChunk("up-ani-objection", "00000", { data: bytesOf(CHUNK) }),
    expected: [D, A, D, D, D, D, D, D],
  },
  {
    collection: "uploads/chunks",
    op: "create",
    situation: "chunk 00000 of an objection attachment after the window",
    prepare: objectionWindowClosed,
    attempt: writeChunk("up-ani-objection", "00000", { data: bytesOf(CHUNK) }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    ...get("uploads", "cand-ani's objection attachment", `${COLLECTIONS.uploads}/up-ani-objection`),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get(
      "uploads/chunks",
      "chunk 00000 of cand-ani's draft file",
      `${COLLECTIONS.uploads}/up-ani-uploading/chunks/00000`,
    ),
    expected: [D, A, D, A, D, D, D, A],
  },
  {
    ...get("uploads/chunks", "chunk 00000 of cand-ani's MS file", `${COLLECTIONS.uploads}/up-ani-ms/chunks/00000`),
    expected: [D, A, D, A, D, A, D, A],
  },

  // profiles: the owner reads; every write goes through saveProfile (validated by the shared schema,
  // NIP fixed, revision checked), so not even the owner writes directly
  { ...get("profiles", "cand-ani's profile", "profiles/cand-ani"), expected: [D, A, D, D, D, D, D, D] },
  {
    collection: "profiles",
    op: "list",
    situation: "all profiles",
    attempt: (db) => db.collection(COLLECTIONS.profiles).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles",
    op: "update",
    situation:
      "cand-ani: name, golongan, currentPost, currentInstansi directly (only saveProfile validates and counts revisions)",
    attempt: (db) =>
      db.doc("profiles/cand-ani").update({
        name: "Dr. Ani Rahmawati, S.E., M.Si., M.M.",
        golongan: "IV/b",
        currentPost: "Kepala Bidang Anggaran BPKAD",
        currentInstansi: "Pemerintah Kabupaten Lampung Tengah",
      }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles",
    op: "update",
    situation: "cand-ani: bumps profileRevision to overwrite another device's save",
    attempt: (db) => db.doc("profiles/cand-ani").update({ profileRevision: 99 }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    ...get("profiles/requests", "saveProfile's stored answer for cand-ani", "profiles/cand-ani/requests/req-ani-1"),
    prepare: (db) =>
      db.doc("profiles/cand-ani/requests/req-ani-1").set({ action: "saveProfile", result: { revision: 1, at: "x" } }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles/requests",
    op: "create",
    situation: "cand-ani forges a stored answer to replay",
    attempt: (db) =>
      db.doc("profiles/cand-ani/requests/req-ani-2").set({ action: "saveProfile", result: { revision: 1, at: "x" } }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles",
    op: "update",
    situation: "cand-ani: NIP changed",
    attempt: (db) => db.doc("profiles/cand-ani").update({ nip: "197806152003122005" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles",
    op: "update",
    situation: "cand-ani: birthDate changed (to look younger)",
    attempt: (db) => db.doc("profiles/cand-ani").update({ birthDate: "1982-06-15" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles",
    op: "update",
    situation: "cand-ani: confirms own NIP, drops a dispute flag, backdates consent",
    attempt: (db) =>
      db.doc("profiles/cand-ani").update({
        nipStatus: "confirmed",
        flags: {},
        consent: { version: "2026-12-01", at: "2020-01-01T00:00:00.000Z" },
      }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles",
    op: "update",
    situation: "cand-ani: golongan outside III/a-IV/e",
    attempt: (db) => db.doc("profiles/cand-ani").update({ golongan: "V/a" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles",
    op: "create",
    situation: "own profile, bypassing registerCandidate",
    prepare: (db) => db.doc("profiles/cand-ani").delete(),
    attempt: (db, uid) =>
      db.doc(`profiles/${own(uid)}`).set({
        name: "Ani Rahmawati",
        nip: NIP_ANI,
        email: "ani.rahmawati@seleksi.demo",
        birthDate: "1978-06-15",
        serviceStart: "2003-12",
        sex: "P",
      }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "profiles",
    op: "delete",
    situation: "cand-ani's profile",
    attempt: (db) => db.doc("profiles/cand-ani").delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // nips: reservations are the functions' alone, not even the holder reads them
  { ...get("nips", "cand-ani's reservation", `nips/${NIP_ANI}`), expected: [D, D, D, D, D, D, D, D] },
  {
    collection: "nips",
    op: "list",
    situation: "all reservations (would reveal who registered)",
    attempt: (db) => db.collection(COLLECTIONS.nips).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "nips",
    op: "create",
    situation: "reserving a NIP for oneself",
    attempt: (db, uid) => db.doc("nips/198001012005011001").set({ uid: own(uid) }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "nips",
    op: "delete",
    situation: "freeing cand-ani's NIP",
    attempt: (db) => db.doc(`nips/${NIP_ANI}`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // rankings: functions only; the tenant's operators and pejabat read; the selection's pansel once lockable
  {
    ...get("rankings", "Metro's final ranking, lockable", `rankings/metro-scoring_bappeda_pemeringkatan`),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    ...get("rankings", "Metro's ranking with blockers", `rankings/metro-scoring_bappeda_asesmenManajerial`),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    ...get("rankings", "another tenant's ranking", `rankings/pontianak-draft_bappeda_pemeringkatan`),
    expected: [D, D, D, D, A, D, D, D],
  },
  {
    collection: "rankings",
    op: "list",
    situation: "Metro's rankings of a post (the ranking screen's query)",
    attempt: (db) =>
      db
        .collection(COLLECTIONS.rankings)
        .where("instansiId", "==", METRO)
        .where("selectionId", "==", "metro-scoring")
        .get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "rankings",
    op: "list",
    situation: "a post's lockable ranking after a stage (the pansel's query of the ranking screen)",
    attempt: (db) =>
      db
        .collection(COLLECTIONS.rankings)
        .where("instansiId", "==", METRO)
        .where("selectionId", "==", "metro-scoring")
        .where("postId", "==", "bappeda")
        .where("stage", "==", "pemeringkatan")
        .where("lockable", "==", true)
        .get(),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    collection: "rankings",
    op: "update",
    situation: "a forged aggregate: lockable with other finalists",
    attempt: (db) =>
      db.doc(`rankings/metro-scoring_bappeda_asesmenManajerial`).update({ lockable: true, finalists: ["x"] }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "rankings",
    op: "create",
    situation: "a ranking written by a client",
    attempt: (db) =>
      db.doc(`rankings/metro-scoring_bappeda_wawancara`).set({
        instansiId: METRO,
        selectionId: "metro-scoring",
        postId: "bappeda",
        stage: "wawancara",
        lockable: true,
      }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // calibrations: functions only (resolveSpreadFlag); the tenant's operators and pejabat, and the selection's pansel, read
  {
    ...get("calibrations", "Metro's calibration of a post's interview", `calibrations/metro-scoring_bappeda_wawancara`),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    ...get("calibrations", "another tenant's calibration", `calibrations/pontianak-draft_bappeda_wawancara`),
    expected: [D, D, D, D, A, D, D, D],
  },
  {
    collection: "calibrations",
    op: "update",
    situation: "a resolution forged by a client",
    attempt: (db) =>
      db.doc(`calibrations/metro-scoring_bappeda_wawancara`).update({ "resolutions.member:x": { outcome: "kept" } }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "calibrations",
    op: "create",
    situation: "a calibration written by a client",
    attempt: (db) =>
      db.doc(`calibrations/metro-scoring_bappeda_pemeringkatan`).set({
        instansiId: METRO,
        selectionId: "metro-scoring",
        postId: "bappeda",
        stage: "pemeringkatan",
        resolutions: {},
      }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // nipDisputes: the claimant (cand-budi) and the named instansi's operators read; nobody writes
  {
    ...get("nipDisputes", "cand-budi's claim before Metro", `nipDisputes/${DISPUTE}`),
    expected: [D, D, A, A, D, D, D, D],
  },
  {
    collection: "nipDisputes",
    op: "list",
    situation: "Metro's disputes (the operator's queue)",
    attempt: (db) => db.collection(COLLECTIONS.nipDisputes).where("instansiId", "==", METRO).get(),
    expected: [D, D, D, A, D, D, D, D],
  },
  {
    collection: "nipDisputes",
    op: "list",
    situation: "one's own claims",
    attempt: (db, uid) => db.collection(COLLECTIONS.nipDisputes).where("claimantUid", "==", own(uid)).get(),
    expected: [D, A, A, A, A, A, A, A],
  },
  {
    collection: "nipDisputes",
    op: "list",
    situation: "all disputes",
    attempt: (db) => db.collection(COLLECTIONS.nipDisputes).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "nipDisputes",
    op: "update",
    situation: "deciding it from the client (transfer)",
    attempt: (db) => db.doc(`nipDisputes/${DISPUTE}`).update({ status: "transferred" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "nipDisputes",
    op: "create",
    situation: "filing without the function",
    attempt: (db, uid) =>
      db.doc(`nipDisputes/${NIP_ANI}_${own(uid)}`).set({ instansiId: METRO, claimantUid: own(uid), status: "open" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    ...get("nipDisputes/audit", "the decision record", `nipDisputes/${DISPUTE}/audit/1`),
    expected: [D, D, D, A, D, D, D, D],
  },
  {
    collection: "nipDisputes/audit",
    op: "create",
    situation: "a forged decision entry",
    attempt: (db, uid) => db.doc(`nipDisputes/${DISPUTE}/audit/2`).set({ instansiId: METRO, by: own(uid) }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // deletedDrafts: who deleted a draft with which request id, the functions' alone (a forged one would
  // turn a colleague's later delete into a false success)
  {
    ...get("deletedDrafts", "a kota-metro deletion", `instansi/${METRO}/${COLLECTIONS.deletedDrafts}/gone`),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "deletedDrafts",
    op: "create",
    situation: "a forged deletion answer",
    attempt: (db, uid) =>
      db
        .doc(`instansi/${METRO}/${COLLECTIONS.deletedDrafts}/gone`)
        .set({ instansiId: METRO, uid: own(uid), requestId: "r" }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // rateLimits: sign-up counters, the functions' alone (a client could reset its own)
  { ...get("rateLimits", "a counter", "rateLimits/abc"), expected: [D, D, D, D, D, D, D, D] },
  {
    collection: "rateLimits",
    op: "update",
    situation: "resetting a counter",
    attempt: (db) => db.doc("rateLimits/abc").set({ scope: "nip", count: 0 }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // tokenRefresh: each user reads their own marker; only setStaffRoles writes it
  { ...get("tokenRefresh", "cand-ani's marker", "tokenRefresh/cand-ani"), expected: [D, A, D, D, D, D, D, D] },
  {
    collection: "tokenRefresh",
    op: "get",
    situation: "own marker",
    attempt: (db, uid) => db.doc(`tokenRefresh/${own(uid)}`).get(),
    expected: [D, A, A, A, A, A, A, A],
  },
  {
    collection: "tokenRefresh",
    op: "list",
    situation: "all markers",
    attempt: (db) => db.collection(COLLECTIONS.tokenRefresh).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "tokenRefresh",
    op: "create",
    situation: "own marker",
    prepare: (db) => db.doc("tokenRefresh/cand-ani").delete(),
    attempt: (db, uid) => db.doc(`tokenRefresh/${own(uid)}`).set({ at: new Date() }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "tokenRefresh",
    op: "update",
    situation: "cand-ani's marker",
    attempt: (db) => db.doc("tokenRefresh/cand-ani").update({ at: new Date() }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // scoreDrafts (issue 9): the member's own, written offline by the tablet under the rules; only
  // pansel-listed is on metro-nilai's committee, assigned to bappeda and declared "none" for cand-ani
  // [anonymous, candidate, otherCandidate, operatorMetro, operatorPontianak, panselListed, panselUnlisted, pejabatMetro]
  writeDraft("own, a rubric indicator of the current stage's paper", {}, [D, D, D, D, D, A, D, D]),
  writeDraft(
    "own, a direct number on the scale",
    { componentId: "uji-praktik", componentIndex: 5, levels: null, value: 70 },
    [D, D, D, D, D, A, D, D],
  ),
  writeDraft("own, nothing typed yet", { levels: null, note: "" }, [D, D, D, D, D, A, D, D]),
  writeDraft(
    "a number outside the scale (101 of 0–100)",
    { componentId: "uji-praktik", componentIndex: 5, levels: null, value: 101 },
    [D, D, D, D, D, D, D, D],
  ),
  writeDraft("a level the rubric does not have (95)", { levels: { substansi: 95 } }, [D, D, D, D, D, D, D, D]),
  writeDraft("a number for a rubric component", { value: 80 }, [D, D, D, D, D, D, D, D]),
  writeDraft(
    "more than 40 indicators",
    { levels: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`i${i}`, 75])) },
    [D, D, D, D, D, D, D, D],
  ),
  writeDraft("a note over 2000 characters", { note: "x".repeat(2001) }, [D, D, D, D, D, D, D, D]),
  writeDraft("forged status submitted", { status: "submitted" }, [D, D, D, D, D, D, D, D]),
  writeDraft("forged aggregate (total 88.5)", { total: 88.5 }, [D, D, D, D, D, D, D, D]),
  writeDraft("missing savedAt", { savedAt: undefined }, [D, D, D, D, D, D, D, D]),
  writeDraft("recused: cand-budi is family", { applicationId: "app-budi-nilai" }, [D, D, D, D, D, D, D, D]),
  writeDraft("undeclared: cand-cici", { applicationId: "app-cici-nilai" }, [D, D, D, D, D, D, D, D]),
  writeDraft("a TMS application", { applicationId: "app-dedi-nilai" }, [D, D, D, D, D, D, D, D]),
  writeDraft("a post narrowed to another member (dinkes)", { applicationId: "app-eka-nilai", postId: "dinkes" }, [
    D,
    D,
    D,
    D,
    D,
    D,
    D,
    D,
  ]),
  writeDraft("an application of another post named as bappeda", { applicationId: "app-eka-nilai" }, [
    D,
    D,
    D,
    D,
    D,
    D,
    D,
    D,
  ]),
  writeDraft(
    "an imported component (tes tertulis)",
    { componentId: "tes-tertulis", componentIndex: 4, levels: null, value: 70 },
    [D, D, D, D, D, D, D, D],
  ),
  writeDraft(
    "a component of another stage (rekam jejak)",
    { componentId: "rekam-jejak", componentIndex: 3, levels: null, value: 70 },
    [D, D, D, D, D, D, D, D],
  ),
  writeDraft("an index naming another component", { componentId: "makalah", componentIndex: 5 }, [
    D,
    D,
    D,
    D,
    D,
    D,
    D,
    D,
  ]),
  writeDraft("another government's tenant", { instansiId: PONTIANAK }, [D, D, D, D, D, D, D, D]),
  {
    collection: "scoreDrafts",
    op: "create",
    situation: "another member's draft (pansel-other)",
    attempt: (db) => db.doc(draftPath(scoreDraft(OTHER_MEMBER))).set(scoreDraft(OTHER_MEMBER)),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "scoreDrafts",
    op: "create",
    situation: "own draft under an id that is not app_component_uid",
    attempt: (db, uid) => db.doc(`${COLLECTIONS.scoreDrafts}/x_makalah_${own(uid)}`).set(scoreDraft(own(uid))),
    expected: [D, D, D, D, D, D, D, D],
  },
  writeDraft(
    "own, before submitting: the next level typed",
    { levels: { substansi: 90 } },
    [D, D, D, D, D, A, D, D],
    listedDraft(null),
  ),
  writeDraft(
    "own, after submitting (locked)",
    { levels: { substansi: 90 } },
    [D, D, D, D, D, D, D, D],
    listedDraft("submitted"),
  ),
  writeDraft(
    "own, reopened by the ketua",
    { levels: { substansi: 90 } },
    [D, D, D, D, D, A, D, D],
    listedDraft("draft"),
  ),
  {
    ...get("scoreDrafts", "pansel-listed's draft", draftPath(scoreDraft("pansel-listed"))),
    prepare: listedDraft(null),
    expected: [D, D, D, D, D, A, D, D],
  },
  {
    collection: "scoreDrafts",
    op: "get",
    situation: "the caller's own draft, not saved yet",
    attempt: (db, uid) => db.doc(draftPath(scoreDraft(own(uid)))).get(),
    expected: [D, A, A, A, A, A, A, A],
  },
  {
    collection: "scoreDrafts",
    op: "list",
    situation: "the caller's own (where memberUid == uid)",
    attempt: (db, uid) => db.collection(COLLECTIONS.scoreDrafts).where("memberUid", "==", own(uid)).get(),
    expected: [D, A, A, A, A, A, A, A],
  },
  {
    collection: "scoreDrafts",
    op: "list",
    situation: "kota-metro's (where instansiId == kota-metro)",
    attempt: (db) => db.collection(COLLECTIONS.scoreDrafts).where("instansiId", "==", METRO).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "scoreDrafts",
    op: "delete",
    situation: "pansel-listed's draft",
    prepare: listedDraft(null),
    attempt: (db) => db.doc(draftPath(scoreDraft("pansel-listed"))).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // conflicts: the member reads their own declaration (the scoring list), the tenant's operators and
  // pejabat every one; nobody writes it but declareConflicts
  {
    ...get("conflicts", "pansel-listed's for bappeda", `${COLLECTIONS.conflicts}/${NILAI}_bappeda_pansel-listed`),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    collection: "conflicts",
    op: "get",
    situation: "the caller's own, not declared yet",
    attempt: (db, uid) => db.doc(`${COLLECTIONS.conflicts}/${NILAI}_bpbd_${own(uid)}`).get(),
    expected: [D, A, A, A, A, A, A, A],
  },
  {
    collection: "conflicts",
    op: "list",
    situation: "kota-metro's (where instansiId == kota-metro)",
    attempt: (db) => db.collection(COLLECTIONS.conflicts).where("instansiId", "==", METRO).get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "conflicts",
    op: "update",
    situation: "pansel-listed's own: cand-budi forged to none",
    attempt: (db) =>
      db.doc(`${COLLECTIONS.conflicts}/${NILAI}_bappeda_pansel-listed`).update({ "kinds.app-budi-nilai": "none" }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // scores: written by submitScore/reopenScore only; another member's is hidden until one's own is submitted
  {
    ...get(
      "scores",
      "pansel-other's, the reader's own not submitted",
      `${COLLECTIONS.scores}/app-ani-nilai_makalah_${OTHER_MEMBER}`,
    ),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    ...get(
      "scores",
      "pansel-other's, pansel-listed's own submitted",
      `${COLLECTIONS.scores}/app-ani-nilai_makalah_${OTHER_MEMBER}`,
    ),
    prepare: listedDraft("submitted"),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    ...get(
      "scores",
      "pansel-other's, pansel-listed's own reopened",
      `${COLLECTIONS.scores}/app-ani-nilai_makalah_${OTHER_MEMBER}`,
    ),
    prepare: listedDraft("draft"),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    ...get("scores", "pansel-listed's own", `${COLLECTIONS.scores}/app-ani-nilai_makalah_pansel-listed`),
    prepare: listedDraft("submitted"),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    collection: "scores",
    op: "list",
    situation: "kota-metro's (where instansiId == kota-metro)",
    attempt: (db) => db.collection(COLLECTIONS.scores).where("instansiId", "==", METRO).get(),
    expected: [D, D, D, A, D, D, D, A],
  },
  {
    collection: "scores",
    op: "create",
    situation: "own score forged as submitted",
    attempt: (db, uid) =>
      db.doc(`${COLLECTIONS.scores}/app-ani-nilai_makalah_${own(uid)}`).set(submittedScore(own(uid))),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "scores",
    op: "update",
    situation: "pansel-other's: forged back to draft",
    attempt: (db) => db.doc(`${COLLECTIONS.scores}/app-ani-nilai_makalah_${OTHER_MEMBER}`).update({ status: "draft" }),
    expected: [D, D, D, D, D, D, D, D],
  },

  // signatures: a member signs the berita acara of a stage reached, from the tablet, once
  {
    collection: "signatures",
    op: "create",
    situation: "own, stage in progress",
    attempt: (db, uid) => db.doc(signDoc(uid)).set(signature(own(uid))),
    expected: [D, D, D, D, D, A, D, D],
  },
  {
    collection: "signatures",
    op: "create",
    situation: "own, a stage not reached yet",
    attempt: (db, uid) => db.doc(signDoc(uid, "wawancara")).set(signature(own(uid), { stage: "wawancara" })),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "signatures",
    op: "create",
    situation: "own, markup in the path",
    attempt: (db, uid) => db.doc(signDoc(uid)).set(signature(own(uid), { path: 'M1 1"/><script>alert(1)</script>' })),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "signatures",
    op: "create",
    situation: "own, a forged extra field",
    attempt: (db, uid) => db.doc(signDoc(uid)).set(signature(own(uid), { verifiedBy: "ketua" })),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "signatures",
    op: "create",
    situation: "in another member's name",
    attempt: (db) => db.doc(signDoc("pansel-unlisted")).set(signature("pansel-unlisted")),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "signatures",
    op: "get",
    situation: "own, not drawn yet",
    attempt: (db, uid) => db.doc(signDoc(uid, "wawancara")).get(),
    expected: [D, D, D, D, D, A, A, D],
  },
  {
    collection: "signatures",
    op: "get",
    situation: "another member's, not drawn yet",
    attempt: (db) => db.doc(signDoc("pansel-nobody", "wawancara")).get(),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    ...get("signatures", "pansel-listed's", `${COLLECTIONS.signatures}/metro-scoring_kompetensiTeknis_pansel-listed`),
    expected: [D, D, D, A, D, A, D, A],
  },
  {
    collection: "signatures",
    op: "update",
    situation: "redrawn",
    attempt: (db) =>
      db.doc(`${COLLECTIONS.signatures}/metro-scoring_kompetensiTeknis_pansel-listed`).update({ path: "M1 1L2 2" }),
    expected: [D, D, D, D, D, D, D, D],
  },
  {
    collection: "signatures",
    op: "delete",
    situation: "pansel-listed's",
    attempt: (db) => db.doc(`${COLLECTIONS.signatures}/metro-scoring_kompetensiTeknis_pansel-listed`).delete(),
    expected: [D, D, D, D, D, D, D, D],
  },

  // a collection no rule names: closed by default
  { ...get("audit (unknown)", "existing document", "audit/first"), expected: [D, D, D, D, D, D, D, D] },
  {
    collection: "audit (unknown)",
    op: "create",
    situation: "new document",
    attempt: (db) => db.doc("audit/second").set({ note: "x" }),
    expected: [D, D, D, D, D, D, D, D],
  },
];

interface Case {
  readonly role: Role;
  readonly collection: string;
  readonly op: Op;
  readonly situation: string;
  readonly expected: Expected;
  readonly row: Row;
}

const CASES: Case[] = TABLE.flatMap((row) =>
  ROLES.map((role, i) => ({
    role,
    collection: row.collection,
    op: row.op,
    situation: row.situation,
    expected: row.expected[i] ?? D,
    row,
  })),
);

let env: RulesTestEnvironment;

beforeAll(async () => {
  // Denied requests are the expected outcome of most cases; the SDK would log each one as an error.
  setLogLevel("silent");
  const { host, port } = emulatorHosts().firestore;
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host, port, rules: readFileSync(new URL("../../firestore.rules", import.meta.url), "utf8") },
  });
});

afterAll(async () => {
  await env?.cleanup();
});

// Each case starts from the same data: an allowed delete or update must not change what the next
// case sees. Reads change nothing, so only a case that wrote makes the next one reseed.
let dirty = true;
beforeEach(async () => {
  if (!dirty) return;
  await env.clearFirestore();
  await env.withSecurityRulesDisabled((ctx) => seed(ctx.firestore()));
  dirty = false;
});

// One client per role for the whole file: a context is a Firebase app, and making 400 of them
// costs more than the cases themselves.
const clients = new Map<Role, ClientDb>();
function clientOf(role: Role): ClientDb {
  let db = clients.get(role);
  if (!db) {
    const { uid, claims } = PERSONAS[role];
    const ctx =
      uid === null
        ? env.unauthenticatedContext()
        : env.authenticatedContext(
            uid,
            claims ? { instansi: claims.instansi, roles: [...claims.roles], email_verified: true } : {},
          );
    db = ctx.firestore();
    clients.set(role, db);
  }
  return db;
}

describe("firestore.rules", () => {
  // Titles built here rather than with $field placeholders, which cut long situations short.
  const titled = CASES.map((c) => [`${c.collection} ${c.op} (${c.situation}) as ${c.role}: ${c.expected}`, c] as const);
  it.each(titled)("%s", async (_title, { role, expected, row }) => {
    dirty = (row.op !== "get" && row.op !== "list") || row.prepare !== undefined;
    const prepare = row.prepare;
    if (prepare) {
      await env.withSecurityRulesDisabled(async (ctx) => {
        await prepare(ctx.firestore());
      });
    }
    const attempt = row.attempt(clientOf(role), PERSONAS[role].uid);
    if (expected === "allow") await assertSucceeds(attempt);
    else await assertFails(attempt);
  });
});

// ---- tokens that outlive the truth -----------------------------------------------------------------
// An ID token keeps its claims for up to an hour after a role is removed, and a token's email may be
// one nobody proved to own. Each staff action must hold only while the members record backs it and
// the email is verified. Columns: a sound operator and pejabat (the controls), then the stale ones.

const TRUST = [
  "operatorMetro",
  "operatorUnverified",
  "operatorRemoved",
  "operatorDemoted",
  "pejabatMetro",
  "pejabatRemoved",
] as const;
type TrustRole = (typeof TRUST)[number];

/** Members records of the stale personas (the sound ones are seeded with the main table's). */
const STALE_MEMBERS: Record<string, string[]> = { "op-unverified": ["operator"], "op-demoted": ["pansel"] };

const TRUST_TOKENS: Record<TrustRole, { uid: string; token: Record<string, unknown> }> = {
  operatorMetro: { uid: "op-metro", token: { instansi: METRO, roles: ["operator"], email_verified: true } },
  // Signed up with an address nobody verified: the members record alone does not make them staff.
  operatorUnverified: { uid: "op-unverified", token: { instansi: METRO, roles: ["operator"], email_verified: false } },
  // Removed a minute ago: the members record is gone, the token still says operator.
  operatorRemoved: { uid: "op-removed", token: { instansi: METRO, roles: ["operator"], email_verified: true } },
  // Moved from operator to pansel: the token still says operator.
  operatorDemoted: { uid: "op-demoted", token: { instansi: METRO, roles: ["operator"], email_verified: true } },
  pejabatMetro: { uid: "pejabat-metro", token: { instansi: METRO, roles: ["pejabat"], email_verified: true } },
  pejabatRemoved: { uid: "pejabat-removed", token: { instansi: METRO, roles: ["pejabat"], email_verified: true } },
};

const TRUST_TABLE: readonly (Action & { readonly expected: CellsOf<typeof TRUST> })[] = [
  { ...get("selections", "kota-metro draft", "selections/metro-draft"), expected: [A, D, D, D, A, D] },
  {
    collection: "selections",
    op: "list",
    situation: 'staff list where("instansiId", "==", "kota-metro")',
    attempt: (db) => selectionsRef(db).where("instansiId", "==", METRO).get(),
    expected: [A, D, D, D, A, D],
  },
  // No client writes a selection any more (saveSetup and deleteDraft do, and refuse a revoked caller:
  // test/functions/staffRoles.emulator.test.ts), so there is no staff write left to trust here.
  {
    ...get("members", "kota-metro operator", `instansi/${METRO}/members/op-metro`),
    // The demoted operator is still pansel of the instansi, and so still sees their colleagues.
    expected: [A, D, D, A, A, D],
  },
  {
    ...get("roleAudit", "a kota-metro role change", `instansi/${METRO}/${COLLECTIONS.roleAudit}/r1`),
    expected: [A, D, D, D, A, D],
  },
  {
    ...get("calendarAudit", "a kota-metro calendar change", `instansi/${METRO}/${COLLECTIONS.calendarAudit}/c1`),
    expected: [A, D, D, D, A, D],
  },
  { ...get("proposals", "a kota-metro proposal", "selections/metro-draft/proposals/p1"), expected: [A, D, D, D, A, D] },
  {
    collection: "proposals",
    op: "list",
    situation: "the pending inbox of kota-metro",
    attempt: (db) =>
      db.collectionGroup("proposals").where("instansiId", "==", METRO).where("status", "==", "pending").get(),
    expected: [A, D, D, D, A, D],
  },
  {
    ...get("audit", "a kota-metro audit entry", "selections/metro-draft/audit/00000001"),
    expected: [A, D, D, D, A, D],
  },
  // The demoted operator is pansel of the instansi but not of the file's selection: no longer theirs to read.
  { ...get("files", "a private file of kota-metro", "files/f-private"), expected: [A, D, D, D, A, D] },
  { ...get("documents", "a pengumuman still being issued", "documents/doc-issuing"), expected: [A, D, D, A, A, D] },
];

describe("firestore.rules for stale or unverified staff tokens", () => {
  const trustClients = new Map<TrustRole, ClientDb>();
  const trustClient = (role: TrustRole): ClientDb => {
    let db = trustClients.get(role);
    if (!db) {
      db = env.authenticatedContext(TRUST_TOKENS[role].uid, TRUST_TOKENS[role].token).firestore();
      trustClients.set(role, db);
    }
    return db;
  };
  const cases = TRUST_TABLE.flatMap((row) =>
    TRUST.map(
      (role, i) =>
        [
          `${row.collection} ${row.op} (${row.situation}) as ${role}: ${row.expected[i] ?? D}`,
          role,
          row.expected[i] ?? D,
          row,
        ] as const,
    ),
  );
  it.each(cases)("%s", async (_title, role, expected, row) => {
    dirty = row.op !== "get" && row.op !== "list";
    const attempt = row.attempt(trustClient(role), TRUST_TOKENS[role].uid);
    if (expected === "allow") await assertSucceeds(attempt);
    else await assertFails(attempt);
  });
});
