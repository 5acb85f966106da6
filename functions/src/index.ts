/**
 * Every entry point of the Seleksi backend. Each is a thin shell: who is calling, parse the input
 * with the schema the web app also uses, hand over to the module that does the work.
 */
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onCall, onRequest } from "firebase-functions/v2/https";
import { setGlobalOptions } from "firebase-functions/v2/options";
import { FUNCTIONS_REGION } from "./domain/deployment.js";
import { setStaffRolesInput, signUpInput } from "./domain/schemas/account.js";
import {
  createSelectionDraftInput,
  decideTransitionInput,
  proposeTransitionInput,
  recordLetterInput,
  issueDocumentInput,
  extendRegistrationInput,
  decidePostShortfallInput,
} from "./domain/selection/process.js";
import {
  decidePostShortfall as decidePostShortfallFor,
  extendRegistration as extendRegistrationFor,
} from "./process/registration.js";
import { issueAnnouncement } from "./documents/issueAnnouncement.js";
import { sharePage as renderSharePage } from "./share/sharePage.js";
import { projectSelection } from "./publication/projectSelection.js";
import { decideTransition, proposeTransition } from "./process/transitions.js";
import { createSelectionDraft, recordLetter } from "./process/drafts.js";
import { registerCandidate as register } from "./accounts/registerCandidate.js";
import { setStaffRolesAs } from "./accounts/staffRoles.js";
import { parseInput, requireSignedIn } from "./shell/callable.js";
import { todayInIndonesia } from "./shell/clock.js";

setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: 20 });

/**
 * Where the PWA is served: QR codes on documents point at its verification page. Set
 * SELEKSI_PUBLIC_URL in functions/.env for a real deployment; the default is the local emulator.
 */
const publicUrl = () => process.env["SELEKSI_PUBLIC_URL"] ?? "http://127.0.0.1:5100";

/** A new candidate: Auth account, profile and NIP reservation in one step. */
export const registerCandidate = onCall(async (request) => {
  const input = parseInput(signUpInput(todayInIndonesia()), request.data);
  return register(input);
});

/** An operator grants or removes staff roles of a user within the operator's own instansi. */
export const setStaffRoles = onCall(async (request) => {
  const caller = requireSignedIn(request);
  const input = parseInput(setStaffRolesInput, request.data);
  return setStaffRolesAs(caller, input);
});

/** An operator starts a new selection, empty or copied from a past one of the same government. */
export const createDraft = onCall(async (request) => {
  const caller = requireSignedIn(request);
  return createSelectionDraft(caller, parseInput(createSelectionDraftInput, request.data), new Date());
});

/** An operator (or the ketua pansel) proposes the next stage; the gates are checked now and again on approval. */
export const proposeStage = onCall(async (request) => {
  const caller = requireSignedIn(request);
  return proposeTransition(caller, parseInput(proposeTransitionInput, request.data), new Date());
});

/** The Sekda or PPK approves or rejects a proposal; approval moves the stage in the same transaction. */
export const decideStage = onCall(async (request) => {
  const caller = requireSignedIn(request);
  return decideTransition(caller, parseInput(decideTransitionInput, request.data), new Date());
});

/** An operator records a letter the process waits for (the Minister's approval, a recommendation). */
export const recordProcessLetter = onCall(async (request) => {
  const caller = requireSignedIn(request);
  return recordLetter(caller, parseInput(recordLetterInput, request.data), new Date());
});

/** An operator issues (or re-issues, as a new version) the numbered, verifiable pengumuman PDF. */
export const issueDocument = onCall({ memory: "512MiB", timeoutSeconds: 120 }, async (request) => {
  const caller = requireSignedIn(request);
  return issueAnnouncement(caller, parseInput(issueDocumentInput, request.data), new Date(), publicUrl());
});

/** /seleksi/{id} with the selection's preview tags, for links shared in chat apps (hosting rewrite). */
export const sharePage = onRequest(async (request, response) => {
  await renderSharePage(request, response, publicUrl());
});

/** Keeps the public projection of a selection (publicSelections/{id}) in step with the selection. */
export const projectPublicSelection = onDocumentWritten("selections/{selectionId}", async (event) => {
  await projectSelection(event.params.selectionId);
});

/** An operator extends the registration of posts short of applicants, as the regulation profile allows. */
export const extendRegistration = onCall(async (request) => {
  const caller = requireSignedIn(request);
  return extendRegistrationFor(caller, parseInput(extendRegistrationInput, request.data), new Date());
});

/** After the last extension, an operator records whether a post short of applicants is cancelled or continues. */
export const decidePostShortfall = onCall(async (request) => {
  const caller = requireSignedIn(request);
  return decidePostShortfallFor(caller, parseInput(decidePostShortfallInput, request.data), new Date());
});
