/**
 * The letters after the ranking (issue 9) through the functions emulator: the proposal of the 3
 * besar to the PPK (issueProposalLetter) and the final report to the national authority
 * (issueFinalReport). Kota Metro 2021 from the seed with a Sekda post added, moved to a government id
 * unique to this run, BPBD cancelled for too few applicants; final rankings written with the Admin
 * SDK in the shape computeRanking stores (reduced to what the letters read).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { INSTANSI, SELECTIONS } from "../../seed/metro2021.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { documentRecord } from "../../functions/src/domain/documents/record.js";
import { ZERO_COUNTS, type StoredSelection } from "../../functions/src/domain/selection/stored.js";
import { readFile, sha256Hex } from "../../functions/src/files/chunks.js";
import { db } from "../support/admin.js";
import { writeFinalRanking } from "../support/ranking.js";
import { call, uniqueSuffix } from "../support/callables.js";
import {
  auditOf,
  deleteSelectionsOf,
  failureOf,
  newRequestId,
  resultOf,
  snapshotOf,
  staffAccounts,
  stored,
  type User,
} from "../support/process.js";

const RUN = uniqueSuffix();
const METRO_ID = `kota-metro-letters-${RUN}`;
const PONTIANAK_ID = `kota-pontianak-letters-${RUN}`;
const METRO = SELECTIONS["metro-2021-jpt"]!;
const SEKDA = { ...METRO.posts[0]!, id: "sekda", name: "Sekretaris Daerah Kota Metro" };
const POSTS = [...METRO.posts, SEKDA];
const LIVE = POSTS.filter((p) => p.id !== "bpbd");
const REASON = "Lebih sesuai dengan kebutuhan organisasi dan rencana strategis daerah lima tahun ke depan.";
const CHOSEN_AT = "2021-11-25T03:00:00.000Z";

const accounts = staffAccounts(`letters.${RUN}`);
let operator: User;
let walikota: User;
let pansel: User;
let operatorPontianak: User;

interface Issued {
  documentId: string;
  number: string;
  version: number;
  sha256: string;
}

let counter = 0;
const hashOf = (postId: string) => (postId.charCodeAt(0).toString(16) + postId.length.toString(16)).padEnd(64, "a");

/** Metro in `stage`, BPBD cancelled, a final ranking of every live post (lockable unless listed). */
async function selection(
  changes: Partial<StoredSelection> = {},
  notLockable: readonly string[] = [],
  instansiId = METRO_ID,
): Promise<string> {
  const id = `${instansiId}-sel-${++counter}`;
  const doc: StoredSelection = {
    ...METRO,
    instansiId,
    instansiName: INSTANSI["kota-metro"]!.name,
    stage: "laporanPpk",
    public: true,
    announcedAt: "2021-09-20T01:00:00.000Z",
    panselUids: [],
    posts: POSTS,
    postDecisions: { bpbd: "cancelPost" },
    counts: { ...ZERO_COUNTS, applicantsPerPost: { "asisten-1": 4, bappeda: 4, disdikbud: 2, bpbd: 1, dpkp: 1 } },
    ...changes,
  };
  await db.collection(COLLECTIONS.selections).doc(id).set(doc);
  for (const post of LIVE) {
    const lockable = !notLockable.includes(post.id);
    await writeFinalRanking(db, { instansiId, selectionId: id, postId: post.id, lockable, sha256: hashOf(post.id) });
  }
  return id;
}

/** The PPK's choice on every live post: the first-ranked, but the second for Bappeda, with a reason. */
function choices(id: string): StoredSelection["ppkChoices"] {
  return Object.fromEntries(
    LIVE.map((p) => {
      const rank = p.id === "bappeda" ? 2 : 1;
      return [
        p.id,
        {
          applicationId: `${id}_${p.id}_c${rank}`,
          name: `Calon ${p.id} ${rank}`,
          rank,
          reason: rank === 1 ? "" : REASON,
          chosenBy: "ppk",
          chosenByName: "Wali Kota",
          chosenAt: CHOSEN_AT,
        },
      ];
    }),
  );
}

const proposal = (who: User, selectionId: string, requestId = newRequestId(), extra: Record<string, unknown> = {}) =>
  call<Issued>("issueProposalLetter", { selectionId, requestId, ...extra }, who.idToken);
const report = (who: User, selectionId: string, requestId = newRequestId()) =>
  call<Issued>("issueFinalReport", { selectionId, requestId }, who.idToken);

async function documentsOf(selectionId: string) {
  const docs = await db.collection(COLLECTIONS.documents).where("selectionId", "==", selectionId).get();
  return docs.docs.map((d) => documentRecord.parse(d.data()));
}

async function pdfText(documentId: string): Promise<{ text: string; sha256: string }> {
  const record = documentRecord.parse((await db.collection(COLLECTIONS.documents).doc(documentId).get()).data());
  const pdf = await readFile(db, record.fileId);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return { text: text.replace(/\s+/g, " "), sha256: sha256Hex(pdf) };
}

beforeAll(async () => {
  await db.collection(COLLECTIONS.instansi).doc(METRO_ID).set(INSTANSI["kota-metro"]!);
  await db.collection(COLLECTIONS.instansi).doc(PONTIANAK_ID).set(INSTANSI["kota-pontianak"]!);
  operator = await accounts.user("operator", "Operator BKPSDM", { instansi: METRO_ID, roles: ["operator"] });
  walikota = await accounts.user("walikota", "dr. H. Wahdi, Sp.OG., M.H.", { instansi: METRO_ID, roles: ["pejabat"] });
  pansel = await accounts.user("pansel", "Ketua Pansel", { instansi: METRO_ID, roles: ["pansel"] });
  operatorPontianak = await accounts.user("pontianak", "Operator Pontianak", {
    instansi: PONTIANAK_ID,
    roles: ["operator"],
  });
}, 120_000);

afterAll(async () => {
  for (const instansiId of [METRO_ID, PONTIANAK_ID]) {
    for (const name of [COLLECTIONS.rankings, COLLECTIONS.documents]) {
      const docs = await db.collection(name).where("instansiId", "==", instansiId).get();
      for (const d of docs.docs) await db.recursiveDelete(d.ref);
    }
  }
  await deleteSelectionsOf([METRO_ID, PONTIANAK_ID]);
  await accounts.deleteAll();
});

describe("issueProposalLetter", () => {
  it("issues the numbered letter to the PPK with each live post's 3 besar; a retry answers the same", async () => {
    const id = await selection();
    const requestId = newRequestId();
    // A forged number in the call is not an input: the number comes from the government's counter.
    const issued = resultOf(await proposal(operator, id, requestId, { number: "999/USUL/PALSU" }));
    expect(issued.documentId).toBe(`${id}-usulanPpk-v1`);
    expect(issued.number).toMatch(/^\d{3}\/USUL\//);
    const record = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(issued.documentId).get()).data(),
    );
    expect(record).toMatchObject({ kind: "usulanPpk", status: "valid", sha256: issued.sha256 });
    expect((await stored(id)).proposalDocumentId).toBe(issued.documentId);
    // The staff's file, not a public one: it names every finalist with their total.
    const file = (await db.collection(COLLECTIONS.files).doc(record.fileId).get()).data();
    expect(file).toMatchObject({ selectionId: id });
    expect(file?.["extra"]?.["public"]).toBeUndefined();

    const { text, sha256 } = await pdfText(issued.documentId);
    expect(sha256).toBe(issued.sha256);
    expect(text).toContain(issued.number);
    expect(text).toContain("Wali Kota Metro");
    for (const post of LIVE) {
      expect(text).toContain(hashOf(post.id));
      const at = (n: number) => text.indexOf(`Calon ${post.id} ${n}`);
      expect(at(1)).toBeGreaterThan(-1);
      expect(at(1)).toBeLessThan(at(2));
      expect(at(2)).toBeLessThan(at(3));
      expect(text).not.toContain(`Calon ${post.id} 4`);
    }
    expect(text).toContain("90,00");
    expect(text).toContain("83,50");
    // The Sekda's names go to the governor first; the cancelled post is named as left out.
    expect(text).toContain("dikonsultasikan terlebih dahulu kepada gubernur");
    expect(text.match(/kepada gubernur/g)).toHaveLength(1);
    expect(text).toContain("tidak diusulkan: Kepala Pelaksana Badan Penanggulangan Bencana Daerah");

    const before = await snapshotOf(id);
    expect(resultOf(await proposal(operator, id, requestId))).toEqual(issued);
    expect(await snapshotOf(id)).toEqual(before);
    expect(await documentsOf(id)).toHaveLength(1);
    const audit = await auditOf(id);
    expect(audit.map((e) => [e.action, e.reason, e.reference])).toEqual([["issue", issued.number, issued.documentId]]);

    // A corrected version before the PPK chooses supersedes the first.
    const v2 = resultOf(await proposal(operator, id));
    expect(v2.version).toBe(2);
    const first = documentRecord.parse(
      (await db.collection(COLLECTIONS.documents).doc(issued.documentId).get()).data(),
    );
    expect(first).toMatchObject({ status: "superseded", supersededBy: v2.documentId });
  });

  it("is refused to another government, a pejabat, a pansel member, a malformed call, and writes nothing", async () => {
    const id = await selection();
    const before = await snapshotOf(id);
    expect(failureOf(await proposal(operatorPontianak, id))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.selection.otherInstansi"],
    });
    for (const who of [walikota, pansel]) {
      expect(failureOf(await proposal(who, id))).toEqual({
        status: "PERMISSION_DENIED",
        codes: ["err.role.operatorOnly"],
      });
    }
    expect(failureOf(await proposal(operator, id, "no")).status).toBe("INVALID_ARGUMENT");
    expect(failureOf(await proposal(operator, "../other")).status).toBe("INVALID_ARGUMENT");
    expect(await snapshotOf(id)).toEqual(before);
    expect(await documentsOf(id)).toEqual([]);
  });

  it("waits for every live post's final ranking to be lockable, the right stage, and no choice yet", async () => {
    const open = await selection({}, ["dpkp"]);
    const before = await snapshotOf(open);
    expect(failureOf(await proposal(operator, open))).toEqual({
      status: "FAILED_PRECONDITION",
      codes: ["err.letters.rankingNotFinal"],
    });
    expect(await snapshotOf(open)).toEqual(before);
    for (const stage of ["pemeringkatan", "pelantikan"] as const) {
      const early = await selection({ stage });
      expect(failureOf(await proposal(operator, early)).codes).toEqual(["err.letters.proposalStage"]);
    }
    const chosen = await selection({ stage: "penetapan", ppkChoices: { bappeda: choices("x")["bappeda"]! } });
    expect(failureOf(await proposal(operator, chosen)).codes).toEqual(["err.letters.proposalAfterChoice"]);
    for (const sel of [open, chosen]) expect(await documentsOf(sel)).toEqual([]);
  });

  it("does not read another government's ranking stored under this selection's ranking id", async () => {
    const id = await selection();
    const ref = db.collection(COLLECTIONS.rankings).doc(`${id}_dpkp_pemeringkatan`);
    await ref.update({ instansiId: PONTIANAK_ID });
    expect(failureOf(await proposal(operator, id)).codes).toEqual(["err.letters.rankingNotFinal"]);
    await ref.update({ instansiId: METRO_ID });
  });
});

describe("issueFinalReport", () => {
  it("reports the choices with the reason, the counts, the documents and the deadline to BKN", async () => {
    const id = await selection();
    const letter = resultOf(await proposal(operator, id));
    await db
      .collection(COLLECTIONS.selections)
      .doc(id)
      .update({ stage: "penetapan", ppkChoices: choices(id) });
    const requestId = newRequestId();
    const issued = resultOf(await report(operator, id, requestId));
    expect(issued.documentId).toBe(`${id}-laporanAkhir-v1`);
    expect(issued.number).toMatch(/^\d{3}\/LAP\//);
    expect((await stored(id)).finalReportDocumentId).toBe(issued.documentId);
    const { text, sha256 } = await pdfText(issued.documentId);
    expect(sha256).toBe(issued.sha256);
    expect(text).toContain("LAPORAN AKHIR SELEKSI");
    expect(text).toContain("Kepala Badan Kepegawaian Negara");
    expect(text).toContain("Calon bappeda 2 (peringkat 2)");
    expect(text).toContain(`Alasan memilih selain peringkat pertama: ${REASON}`);
    expect(text.match(/Alasan memilih selain/g)).toHaveLength(1);
    expect(text).toContain("Pelamar: 12");
    expect(text).toContain(`Masuk peringkat akhir: ${LIVE.length * 4}`);
    expect(text).toContain(letter.number);
    // Chosen on 25 November 2021 (10:00 WIB): due by the end of 2 December, 7 days later.
    expect(text).toContain("disampaikan kepada BKN paling lambat 2 Desember 2021");
    for (const m of METRO.pansel) expect(text).toContain(m.name);

    const before = await snapshotOf(id);
    expect(resultOf(await report(operator, id, requestId))).toEqual(issued);
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("waits for the PPK's choice on every live post, in penetapan or later; refuses others", async () => {
    const id = await selection({ stage: "penetapan" });
    await db
      .collection(COLLECTIONS.selections)
      .doc(id)
      .update({ ppkChoices: { bappeda: choices(id)["bappeda"]! } });
    const before = await snapshotOf(id);
    const refused = failureOf(await report(operator, id));
    expect(refused.codes).toEqual(["err.letters.noPpkChoice"]);
    expect(refused.status).toBe("FAILED_PRECONDITION");
    const early = await selection({ stage: "laporanPpk" });
    expect(failureOf(await report(operator, early)).codes).toEqual(["err.letters.reportStage"]);
    expect(failureOf(await report(operatorPontianak, id)).codes).toEqual(["err.selection.otherInstansi"]);
    for (const who of [walikota, pansel]) {
      expect(failureOf(await report(who, id)).codes).toEqual(["err.role.operatorOnly"]);
    }
    expect(await snapshotOf(id)).toEqual(before);
    expect(await documentsOf(id)).toEqual([]);
  });

  it("leaves the cancelled post out: no choice is asked for it", async () => {
    const id = await selection({ stage: "pelantikan" });
    await db
      .collection(COLLECTIONS.selections)
      .doc(id)
      .update({ ppkChoices: choices(id) });
    const issued = resultOf(await report(operator, id));
    const { text } = await pdfText(issued.documentId);
    expect(text).toContain("Kepala Pelaksana Badan Penanggulangan Bencana Daerah");
    expect(text).not.toContain("Calon bpbd");
  });
});
