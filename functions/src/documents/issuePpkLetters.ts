/**
 * Issuing the two letters after the ranking (domain/documents/ppkLetters.ts): the proposal of the 3
 * besar to the PPK and the final report to the national authority. The same three steps as every
 * document (./issueRekap.ts): number, record and snapshot in one selection step; the PDF rendered
 * from the snapshot; the record settled. What they print is read in that step from the stored final
 * rankings, the PPK's recorded choices, the audit trail and the documents, never from the phone.
 */
import type { Transaction } from "firebase-admin/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { toIsoDate } from "../domain/calendar.js";
import { dateInZone } from "../domain/applications/window.js";
import {
  finalistRows,
  letterCommon,
  proposalContent,
  type FinalReportSnapshot,
} from "../domain/documents/ppkLetters.js";
import { documentIdFor, documentRecord, type DocumentKindName } from "../domain/documents/record.js";
import type { Issue } from "../domain/issue.js";
import { profileById } from "../domain/regulation/profiles.js";
import type { RegulationProfile } from "../domain/regulation/profile.js";
import { finalRankingOf, type FinalRanking } from "../domain/scoring/ppkChoice.js";
import { finalReportDeadline, finalReportIssues, proposalIssues } from "../domain/selection/closingLetters.js";
import type { ClosingLetterInput } from "../domain/selection/closingLetterInput.js";
import { livePosts } from "../domain/selection/livePosts.js";
import { auditEntry } from "../domain/selection/process.js";
import { normaliseStagesUsed } from "../domain/selection/stageMachine.js";
import type { StoredSelection } from "../domain/selection/stored.js";
import type { InstansiDoc } from "../domain/schemas/documents.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError } from "../shell/errors.js";
import { readInstansi, selectionRef } from "../process/selectionStore.js";
import type { StepContext } from "../process/step.js";
import { issueDocument, issuedOutcome, numberDocument, type IssueResult, type PublicSite } from "./issueStep.js";

/** The final ranking of every live post, keyed by post id; a missing or not lockable one is absent. */
async function finalRankings(tx: Transaction, selectionId: string, s: StoredSelection) {
  const posts = livePosts(s);
  if (posts.length === 0) return new Map<string, FinalRanking>();
  const snaps = await tx.getAll(
    ...posts.map((p) => db.collection(COLLECTIONS.rankings).doc(`${selectionId}_${p.id}_pemeringkatan`)),
  );
  const found = new Map<string, FinalRanking>();
  posts.forEach((p, i) => {
    const ranking = finalRankingOf(snaps[i]?.data());
    // A ranking of another tenant under this id is not this selection's, whatever it says.
    if (ranking && ranking.instansiId === s.instansiId && ranking.finalists.length > 0) found.set(p.id, ranking);
  });
  return found;
}

interface Letter {
  readonly kind: Extract<DocumentKindName, "usulanPpk" | "laporanAkhir">;
  readonly action: string;
  readonly filePrefix: string;
  readonly field: "proposalDocumentId" | "finalReportDocumentId";
  /** The snapshot's content (number, date and QR address are added), or a refusal. */
  readonly content: (
    context: StepContext<StoredSelection>,
    f: { selectionId: string; instansi: InstansiDoc; profile: RegulationProfile },
  ) => Promise<Record<string, unknown>>;
}

async function issueLetter(
  letter: Letter,
  caller: Caller,
  input: ClosingLetterInput,
  now: Date,
  site: PublicSite,
): Promise<IssueResult & { sha256: string }> {
  return issueDocument(caller, input, now, site, letter.action, async (context) => {
    const { tx, selection } = context;
    const profile = profileById(selection.regulationProfileId);
    if (!profile) {
      throw issueError("failed-precondition", [
        { code: "err.setup.profileUnknown", params: { id: selection.regulationProfileId } },
      ]);
    }
    const instansi = await readInstansi(tx, selection.instansiId);
    // Every read of the step comes before its first write (Firestore transactions ask it).
    const content = await letter.content(context, { selectionId: input.selectionId, instansi, profile });
    const numbered = await numberDocument(context, {
      selectionId: input.selectionId,
      instansi,
      now,
      site,
      kind: letter.kind,
      previousId: selection[letter.field],
      documentId: (version) => documentIdFor(input.selectionId, letter.kind, version),
      filePrefix: letter.filePrefix,
      snapshot: ({ number, issuedOn, verifyUrl }) => ({
        kind: letter.kind,
        ...letterCommon(selection, instansi, { selectionId: input.selectionId, number, issuedOn, verifyUrl }),
        ...content,
      }),
    });
    return issuedOutcome(caller, numbered, { [letter.field]: numbered.documentId });
  });
}

/** The snapshot fields every letter shares, filled by issueLetter. */
type CommonKey =
  | "kind"
  | "instansi"
  | "title"
  | "legalBasis"
  | "selectionId"
  | "number"
  | "issuedOn"
  | "cancelled"
  | "signatory"
  | "verifyUrl";

const refuse = (issues: Issue[]): void => {
  if (issues.length > 0) throw issueError("failed-precondition", issues);
};

const PROPOSAL: Letter = {
  kind: "usulanPpk",
  action: "issueProposalLetter",
  filePrefix: "surat-usulan",
  field: "proposalDocumentId",
  content: async ({ tx, selection }, { selectionId, instansi, profile }) => {
    const rankings = await finalRankings(tx, selectionId, selection);
    refuse(proposalIssues(selection, new Set(rankings.keys())));
    return proposalContent(selection, rankings, instansi, profile);
  },
};

const FINAL_REPORT: Letter = {
  kind: "laporanAkhir",
  action: "issueFinalReport",
  filePrefix: "laporan-akhir",
  field: "finalReportDocumentId",
  content: async ({ tx, selection }, { selectionId, instansi, profile }) => {
    refuse(finalReportIssues(selection));
    const deadline = finalReportDeadline(selection, profile.finalReport, instansi.timeZone);
    if (!deadline) throw issueError("failed-precondition", [{ code: "err.letters.noReportRule" }]);
    const rankings = await finalRankings(tx, selectionId, selection);
    const approvals = await tx.get(
      selectionRef(selectionId).collection(COLLECTIONS.audit).where("action", "==", "approve"),
    );
    const documents = await tx.get(db.collection(COLLECTIONS.documents).where("selectionId", "==", selectionId));
    const zone = instansi.timeZone;
    const entered = new Map<string, string>();
    for (const doc of approvals.docs) {
      const entry = auditEntry.safeParse(doc.data());
      if (entry.success && entry.data.to && !entered.has(entry.data.to)) {
        entered.set(entry.data.to, toIsoDate(dateInZone(Date.parse(entry.data.at), zone)));
      }
    }
    const records = documents.docs.flatMap((d) => {
      const r = documentRecord.safeParse(d.data());
      return r.success && r.data.instansiId === selection.instansiId && r.data.status === "valid" ? [r.data] : [];
    });
    const content: Omit<FinalReportSnapshot, CommonKey> = {
      authority: {
        name: deadline.rule.authority,
        short: deadline.rule.authorityShort,
        cite: deadline.rule.cite,
        authorityCite: deadline.rule.authorityCite,
      },
      deadline: {
        chosenOn: deadline.chosenOn,
        dueOn: deadline.dueOn,
        days: deadline.rule.days,
        cite: deadline.rule.cite,
      },
      stages: normaliseStagesUsed(selection.stagesUsed).map((stage) => {
        const dates = (selection.schedule as Partial<Record<string, { start: string; end: string }>>)[stage];
        return { stage, start: dates?.start ?? null, end: dates?.end ?? null, enteredOn: entered.get(stage) ?? null };
      }),
      pansel: selection.pansel.map((m) => ({
        name: m.name,
        position: m.position,
        origin: m.origin,
        affiliation: m.affiliation,
      })),
      counts: {
        applicants: Object.values(selection.counts.applicantsPerPost).reduce((n, c) => n + c, 0),
        // The MS candidates of the live posts, as the final rankings read them.
        ms: [...rankings.values()].reduce((n, r) => n + r.candidates, 0),
        ranked: [...rankings.values()].reduce((n, r) => n + r.ranked, 0),
      },
      posts: livePosts(selection).map((p) => {
        const ranking = rankings.get(p.id);
        const choice = selection.ppkChoices[p.id]!;
        return {
          name: p.name,
          opd: p.opd,
          finalists: ranking ? finalistRows(ranking) : [],
          rankingSha256: ranking?.sha256 ?? "",
          choice: {
            name: choice.name,
            rank: choice.rank,
            reason: choice.reason,
            chosenOn: toIsoDate(dateInZone(Date.parse(choice.chosenAt), zone)),
          },
        };
      }),
      documents: records
        .filter((r) => r.kind !== "tandaBukti" && r.kind !== "laporanAkhir")
        .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number))
        .map((r) => ({ kind: r.kind, number: r.number, issuedOn: r.issuedOn })),
      receipts: records.filter((r) => r.kind === "tandaBukti").length,
    };
    return content;
  },
};

/** An operator issues the letter proposing each live post's 3 besar to the PPK, signed by the ketua pansel. */
export const issueProposalLetter = (caller: Caller, input: ClosingLetterInput, now: Date, site: PublicSite) =>
  issueLetter(PROPOSAL, caller, input, now, site);

/** An operator issues the final report to the national authority once the PPK chose on every live post. */
export const issueFinalReport = (caller: Caller, input: ClosingLetterInput, now: Date, site: PublicSite) =>
  issueLetter(FINAL_REPORT, caller, input, now, site);
