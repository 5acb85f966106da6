/**
 * Every entry point of the Seleksi backend. Each is a thin shell: who is calling, parse the input
 * with the schema the web app also uses, hand over to the module that does the work.
 */
import * as functionsV1 from "firebase-functions/v1";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onCall, onRequest } from "firebase-functions/v2/https";
import { setGlobalOptions } from "firebase-functions/v2/options";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { defineString } from "firebase-functions/params";
import { FUNCTIONS_REGION } from "./domain/deployment.js";
import { registerCandidateInput } from "./domain/schemas/account.js";
import { CALLABLES } from "./domain/callables.js";
import {
  decidePostShortfall as decidePostShortfallFor,
  extendRegistration as extendRegistrationFor,
} from "./process/registration.js";
import { issueAnnouncement } from "./documents/issueAnnouncement.js";
import { sweepStuckDocuments } from "./documents/pipeline.js";
import { sharePage as renderSharePage } from "./share/sharePage.js";
import { projectSelection } from "./publication/projectSelection.js";
import { verifyUpload } from "./files/uploads.js";
import { sweepUploads as sweepUploadsAt } from "./files/uploadSweep.js";
import { decideTransition, proposeTransition } from "./process/transitions.js";
import { createSelectionDraft, recordLetter } from "./process/drafts.js";
import { deleteDraft as deleteDraftFor, saveSetup as saveSetupFor } from "./process/setupDrafts.js";
import { recordRegionalCalendar as recordCalendarFor } from "./process/regionalCalendar.js";
import {
  confirmApplicationDecision as confirmDecisionFor,
  decideApplication as decideApplicationFor,
  reviewApplicationDocument as reviewDocumentFor,
} from "./process/verification.js";
import { registerCandidate as register } from "./accounts/registerCandidate.js";
import { clientAddress } from "./accounts/rateLimit.js";
import {
  confirmNip as confirmNipOf,
  deleteMyAccount as deleteAccountOf,
  releaseAccount,
  sweepExpiredSignUps,
} from "./accounts/nipReservations.js";
import { fileNipDispute as fileDispute, resolveNipDispute as resolveDispute } from "./accounts/nipDisputes.js";
import { setStaffRolesAs } from "./accounts/staffRoles.js";
import { saveProfile as saveProfileOf } from "./accounts/saveProfile.js";
import { saveProfileInput } from "./domain/schemas/profileSave.js";
import { applyToPost as applyFor, submitApplication as submitFor } from "./applications/apply.js";
import { answerObjection as answerObjectionAs, fileObjection as fileObjectionAs } from "./process/objections.js";
import { assignPansel as assignPanselAs } from "./process/panselAssignment.js";
import { choosePpk as choosePpkAs } from "./process/ppkChoice.js";
import { computeRanking as computeRankingAs } from "./process/ranking.js";
import { issueRekap as issueRekapAs } from "./documents/issueRekap.js";
import { publishStageResult as publishStageResultAs } from "./documents/issueStageResult.js";
import { issueBeritaAcara as issueBeritaAcaraAs } from "./documents/issueBeritaAcara.js";
import { resolveSpreadFlag as resolveSpreadFlagAs } from "./process/calibration.js";
import {
  issueFinalReport as issueFinalReportAs,
  issueProposalLetter as issueProposalLetterAs,
} from "./documents/issuePpkLetters.js";
import { reopenScore as reopenScoreAs, submitScore as submitScoreAs } from "./process/scores.js";
import { importAssessment as importAssessmentAs } from "./process/assessmentImport.js";
import { declareConflicts as declareConflictsAs, panselRoster as panselRosterOf } from "./process/conflicts.js";
import { parseInput, requireSignedIn } from "./shell/callable.js";
import { todayInIndonesia } from "./shell/clock.js";

/**
 * App Check on every callable of a real deployment: set SELEKSI_ENFORCE_APP_CHECK=true in
 * functions/.env.<project-id> (README, "Deploy"). Never on the emulators, whose clients carry no token.
 */
const enforceAppCheck =
  process.env["SELEKSI_ENFORCE_APP_CHECK"] === "true" && process.env["FUNCTIONS_EMULATOR"] !== "true";

setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: 20, enforceAppCheck });

/**
 * Where the PWA is served: QR codes on documents point at its verification page. A parameter with
 * no default, so `firebase deploy` asks for it (or reads functions/.env.<project>); the emulators read
 * functions/.env.local. Issuing refuses a loopback or plain-http address outside the emulators.
 */
const SELEKSI_PUBLIC_URL = defineString("SELEKSI_PUBLIC_URL", {
  description: "The https address of the Seleksi web app, e.g. https://seleksi.example.go.id",
});
const publicUrl = () => SELEKSI_PUBLIC_URL.value();
const onEmulators = () => process.env["FUNCTIONS_EMULATOR"] === "true";

/** A new candidate: Auth account, profile and pending NIP reservation; the same answer whatever happened. */
export const registerCandidate = onCall(async (request) => {
  const input = parseInput(registerCandidateInput(todayInIndonesia()), request.data);
  return register(input, clientAddress(request.rawRequest), Date.now());
});

/** A candidate whose e-mail is now verified claims their NIP, or learns another account holds it. */
export const confirmNip = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return confirmNipOf(caller.uid, request.auth?.token.email_verified === true, Date.now());
});

/** A verified candidate disputes the account holding their NIP, before the BKPSDM of a named instansi. */
export const fileNipDispute = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  const input = parseInput(CALLABLES.fileNipDispute.input, request.data);
  return fileDispute(caller.uid, request.auth?.token.email_verified === true, input, Date.now());
});

/** That instansi's operator, having seen the SK or KTP, releases or transfers the NIP (or rejects the claim). */
export const resolveNipDispute = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return resolveDispute(caller, parseInput(CALLABLES.resolveNipDispute.input, request.data), Date.now());
});

/** A candidate deletes their account: profile, NIP reservation, Auth user (UU 27/2022). */
export const deleteMyAccount = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return deleteAccountOf(caller.uid, caller.claims !== undefined);
});

/** A candidate saves their own profile, whole, validated with today's date; never another's, never the NIP. */
export const saveProfile = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return saveProfileOf(caller.uid, parseInput(saveProfileInput(todayInIndonesia()), request.data), new Date());
});

/** Unverified sign-ups past their deadline lose account and reservation; verified ones are confirmed. */
export const sweepSignUps = onSchedule({ schedule: "every 60 minutes", timeZone: "Asia/Jakarta" }, async () => {
  await sweepExpiredSignUps(Date.now());
});

/** However an Auth user goes (console, Admin SDK, deleteMyAccount), the NIP and the profile go with it. */
export const releaseDeletedAccount = functionsV1
  .region(FUNCTIONS_REGION)
  .auth.user()
  .onDelete(async (user) => {
    await releaseAccount(user.uid);
  });

/** An operator or a pejabat grants or removes staff roles within their own instansi, as MAY_GRANT allows. */
export const setStaffRoles = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  const input = parseInput(CALLABLES.setStaffRoles.input, request.data);
  return setStaffRolesAs(caller, input);
});

/** An operator starts a new selection, empty or copied from a past one of the same government. */
export const createDraft = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return createSelectionDraft(caller, parseInput(CALLABLES.createDraft.input, request.data), new Date());
});

/** An operator saves part of a draft's setup: validated whole, at the revision it was based on, never while frozen. */
export const saveSetup = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return saveSetupFor(caller, parseInput(CALLABLES.saveSetup.input, request.data), new Date());
});

/** An operator deletes a draft in preparation, unless a proposal on it awaits a decision. */
export const deleteDraft = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return deleteDraftFor(caller, parseInput(CALLABLES.deleteDraft.input, request.data), new Date());
});

/** An operator (or the ketua pansel) proposes the next stage; the gates are checked now and again on approval. */
export const proposeStage = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return proposeTransition(caller, parseInput(CALLABLES.proposeStage.input, request.data), new Date());
});

/** The Sekda or PPK approves or rejects a proposal; approval moves the stage in the same transaction. */
export const decideStage = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = await requireSignedIn(request);
  const site = { baseUrl: publicUrl(), onEmulators: onEmulators() };
  return decideTransition(caller, parseInput(CALLABLES.decideStage.input, request.data), new Date(), site);
});

/** An operator records a letter the process waits for (the Minister's approval, a recommendation). */
export const recordProcessLetter = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return recordLetter(caller, parseInput(CALLABLES.recordProcessLetter.input, request.data), new Date());
});

/** An operator records the government's regional elections and Penjabat periods, which the gate before pelantikan reads. */
export const recordRegionalCalendar = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return recordCalendarFor(caller, parseInput(CALLABLES.recordRegionalCalendar.input, request.data), new Date());
});

/** An operator issues (or re-issues, as a new version) the numbered, verifiable pengumuman PDF. */
export const issueDocument = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = await requireSignedIn(request);
  const site = { baseUrl: publicUrl(), onEmulators: onEmulators() };
  return issueAnnouncement(caller, parseInput(CALLABLES.issueDocument.input, request.data), new Date(), site);
});

/** Finishes documents whose issuing stopped half-way (a crashed call): rendered from their snapshot. */
export const sweepDocuments = onSchedule({ schedule: "every 15 minutes", timeoutSeconds: 300 }, async () => {
  const { finished, failed } = await sweepStuckDocuments(new Date());
  if (finished.length + failed.length > 0) console.info("sweepDocuments", { finished, failed });
});

/** /seleksi/{id} with the selection's preview tags, for links shared in chat apps (hosting rewrite). */
export const sharePage = onRequest(async (request, response) => {
  await renderSharePage(request, response, publicUrl());
});

/** Keeps the public projection of a selection (publicSelections/{id}) in step with the selection. */
export const projectPublicSelection = onDocumentWritten("selections/{selectionId}", async (event) => {
  await projectSelection(event.params.selectionId);
});

/**
 * A phone marked an upload complete: reassemble its chunks, check size, SHA-256 and magic bytes against
 * the manifest and the post's checklist, and accept it for review or reject it with a reason. On every
 * write, not only updates, so a manifest created already complete is checked too.
 */
export const checkCompletedUpload = onDocumentWritten("uploads/{fileId}", async (event) => {
  if (event.data?.after.get("status") !== "complete" || event.data.before.get("status") === "complete") return;
  await verifyUpload(event.params.fileId);
});

/** Deletes uploads that will never finish and checks completions whose trigger never ran. */
export const sweepUploads = onSchedule({ schedule: "every 60 minutes", timeoutSeconds: 300 }, async () => {
  const { deleted, checked, failed } = await sweepUploadsAt(new Date());
  if (deleted.length + checked.length + failed.length > 0) console.info("sweepUploads", { deleted, checked, failed });
});

/** An operator extends the registration of posts short of applicants, as the regulation profile allows. */
export const extendRegistration = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return extendRegistrationFor(caller, parseInput(CALLABLES.extendRegistration.input, request.data), new Date());
});

/** After the last extension, an operator records whether a post short of applicants is cancelled or continues. */
export const decidePostShortfall = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return decidePostShortfallFor(caller, parseInput(CALLABLES.decidePostShortfall.input, request.data), new Date());
});

/** An operator marks one document of a submitted application valid or invalid (with a reason). */
export const reviewApplicationDocument = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return reviewDocumentFor(caller, parseInput(CALLABLES.reviewApplicationDocument.input, request.data), new Date());
});

/** An operator decides a submitted application MS or TMS; the first decision takes it off the unverified count. */
export const decideApplication = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return decideApplicationFor(caller, parseInput(CALLABLES.decideApplication.input, request.data), new Date());
});

/** A second operator confirms another's MS/TMS decision (required when the selection sets secondVerifier). */
export const confirmApplicationDecision = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return confirmDecisionFor(caller, parseInput(CALLABLES.confirmApplicationDecision.input, request.data), new Date());
});

/** A candidate starts an application to a post (a draft); applying again returns the same one. */
export const applyToPost = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return applyFor(caller, parseInput(CALLABLES.applyToPost.input, request.data), new Date());
});

/** A candidate locks their application (counted for the gates), then gets the registration receipt PDF. */
export const submitApplication = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = await requireSignedIn(request);
  const site = { baseUrl: publicUrl(), onEmulators: onEmulators() };
  return submitFor(caller, parseInput(CALLABLES.submitApplication.input, request.data), new Date(), site);
});

/** An operator narrows a post to some of the selection's pansel members (all of them by default). */
export const assignPansel = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return assignPanselAs(caller, parseInput(CALLABLES.assignPansel.input, request.data), new Date());
});

/** The PPK chooses one of a post's 3 besar; a rank other than the first needs a written reason. */
export const choosePpk = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return choosePpkAs(caller, parseInput(CALLABLES.choosePpk.input, request.data), new Date());
});

/** A pansel member's posts in a selection with their MS candidates and the member's own declarations. */
export const panselRoster = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return panselRosterOf(caller, parseInput(CALLABLES.panselRoster.input, request.data).selectionId);
});

/** A pansel member declares conflicts of interest for a post, once; the scores owed are counted with it. */
export const declareConflicts = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return declareConflictsAs(caller, parseInput(CALLABLES.declareConflicts.input, request.data), new Date());
});

/** A TMS candidate objects to the published administrative result, once, within the window (server clock). */
export const fileObjection = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return fileObjectionAs(caller, parseInput(CALLABLES.fileObjection.input, request.data), new Date());
});

/** An operator of the selection's government accepts (TMS becomes MS) or rejects an objection, with a reason. */
export const answerObjection = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return answerObjectionAs(caller, parseInput(CALLABLES.answerObjection.input, request.data), new Date());
});

/** An operator or the ketua pansel ranks a post after a stage (rankings/{id}: canonical JSON + SHA-256). */
export const computeRanking = onCall({ memory: "512MiB" }, async (request) => {
  const caller = await requireSignedIn(request);
  return computeRankingAs(caller, parseInput(CALLABLES.computeRanking.input, request.data), new Date());
});

/** An operator issues the numbered, verifiable rekapitulasi nilai PDF of a post from its stored ranking. */
export const issueRekap = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = await requireSignedIn(request);
  const site = { baseUrl: publicUrl(), onEmulators: onEmulators() };
  return issueRekapAs(caller, parseInput(CALLABLES.issueRekap.input, request.data), new Date(), site);
});

/** An operator announces a stage's result once every live post's ranking is lockable: PDF, public page, outcomes. */
export const publishStageResult = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = await requireSignedIn(request);
  const site = { baseUrl: publicUrl(), onEmulators: onEmulators() };
  const input = parseInput(CALLABLES.publishStageResult.input, request.data);
  return publishStageResultAs(caller, input, new Date(), site);
});

/** The ketua pansel (or the operator taking the minutes) records the committee's decision on a spread flag. */
export const resolveSpreadFlag = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return resolveSpreadFlagAs(caller, parseInput(CALLABLES.resolveSpreadFlag.input, request.data), new Date());
});

/** An operator issues the numbered, verifiable berita acara of a scoring stage, with the members' signatures. */
export const issueBeritaAcara = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = await requireSignedIn(request);
  const site = { baseUrl: publicUrl(), onEmulators: onEmulators() };
  return issueBeritaAcaraAs(caller, parseInput(CALLABLES.issueBeritaAcara.input, request.data), new Date(), site);
});

/** An operator issues the letter proposing every live post's 3 besar to the PPK, from the final rankings. */
export const issueProposalLetter = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = await requireSignedIn(request);
  const site = { baseUrl: publicUrl(), onEmulators: onEmulators() };
  return issueProposalLetterAs(caller, parseInput(CALLABLES.issueProposalLetter.input, request.data), new Date(), site);
});

/** An operator issues the final report to the national authority once the PPK chose on every live post. */
export const issueFinalReport = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = await requireSignedIn(request);
  const site = { baseUrl: publicUrl(), onEmulators: onEmulators() };
  return issueFinalReportAs(caller, parseInput(CALLABLES.issueFinalReport.input, request.data), new Date(), site);
});

/** A pansel member locks their score of one candidate-component: checked whole, counted once. */
export const submitScore = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return submitScoreAs(caller, parseInput(CALLABLES.submitScore.input, request.data), new Date());
});

/** The ketua of the pansel reopens a locked score, with a reason on the record. */
export const reopenScore = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return reopenScoreAs(caller, parseInput(CALLABLES.reopenScore.input, request.data), new Date());
});

/** An operator previews, then imports, an assessment centre's CSV report for an imported component of a post. */
export const importAssessment = onCall(async (request) => {
  const caller = await requireSignedIn(request);
  return importAssessmentAs(caller, parseInput(CALLABLES.importAssessment.input, request.data), new Date());
});
