/** The backend's callables, with their typed errors turned into Issues for the forms. */
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from "firebase/functions";
import { FUNCTIONS_REGION } from "@domain/deployment";
import type { CallableInput, CallableName, CallableOutput } from "@domain/callables";
import type { Issue } from "@domain/issue";
import { appCheckReady, firebaseApp } from "./app";

let instance: Functions | undefined;

function functions(): Functions {
  if (!instance) {
    instance = getFunctions(firebaseApp(), FUNCTIONS_REGION);
    if (__EMULATORS__) connectFunctionsEmulator(instance, __EMULATORS__.functions.host, __EMULATORS__.functions.port);
  }
  return instance;
}

/**
 * Calls a callable by its name in the domain's table (@domain/callables), typed by its input and
 * answer there: a name the functions do not export, or an input of the wrong shape, does not compile.
 */
export async function call<N extends CallableName>(
  name: N,
  input: CallableInput<N>,
  options?: { timeout: number },
): Promise<CallableOutput<N>> {
  return (await httpsCallable<CallableInput<N>, CallableOutput<N>>(functions(), name, options)(input)).data;
}

export type SignUpRequest = CallableInput<"registerCandidate">;

/** The same answer whatever happened to the NIP and the e-mail (functions/src/accounts/registerCandidate.ts). */
export async function registerCandidate(input: SignUpRequest): Promise<CallableOutput<"registerCandidate">> {
  await appCheckReady(); // the first callable of an anonymous visitor: App Check must be up first
  return call("registerCandidate", input);
}
export const confirmNip = () => call("confirmNip", {});
export const fileNipDispute = (input: CallableInput<"fileNipDispute">) => call("fileNipDispute", input);
export const resolveNipDispute = (input: CallableInput<"resolveNipDispute">) => call("resolveNipDispute", input);
export const deleteMyAccount = () => call("deleteMyAccount", {});
export const saveProfile = (input: CallableInput<"saveProfile">) => call("saveProfile", input);
export const setStaffRoles = (input: CallableInput<"setStaffRoles">) => call("setStaffRoles", input);

/** A fresh id per user action: a retry over a bad network sends the same one and changes nothing. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

export const createDraft = (input: CallableInput<"createDraft">) => call("createDraft", input);
export const saveSetup = (input: CallableInput<"saveSetup">) => call("saveSetup", input);
export const deleteDraft = (input: CallableInput<"deleteDraft">) => call("deleteDraft", input);
export type ProposeAnswer = CallableOutput<"proposeStage">;
export const proposeStage = (input: CallableInput<"proposeStage">) => call("proposeStage", input);
export const decideStage = (input: CallableInput<"decideStage">) => call("decideStage", input);
export const issueDocument = (input: CallableInput<"issueDocument">) =>
  call("issueDocument", input, { timeout: 120_000 });
export const extendRegistration = (input: CallableInput<"extendRegistration">) => call("extendRegistration", input);
export const decidePostShortfall = (input: CallableInput<"decidePostShortfall">) => call("decidePostShortfall", input);
export const fileObjection = (input: CallableInput<"fileObjection">) => call("fileObjection", input);
export const answerObjection = (input: CallableInput<"answerObjection">) => call("answerObjection", input);
export const recordRegionalCalendar = (input: CallableInput<"recordRegionalCalendar">) =>
  call("recordRegionalCalendar", input);
export const applyToPost = (input: CallableInput<"applyToPost">) => call("applyToPost", input);
/** Rendering the receipt PDF takes a while on a cold server: a generous timeout, as for issueDocument. */
export const submitApplication = (input: CallableInput<"submitApplication">) =>
  call("submitApplication", input, { timeout: 120_000 });

// Pansel members per post, and each member's conflicts of interest (issue 9).
export const assignPansel = (input: CallableInput<"assignPansel">) => call("assignPansel", input);
export const panselRoster = (input: CallableInput<"panselRoster">) => call("panselRoster", input);
export const declareConflicts = (input: CallableInput<"declareConflicts">) => call("declareConflicts", input);

/** The Issues a callable answered with; a network failure or an unexpected error gets a plain one. */
export function callableIssues(error: unknown): Issue[] {
  const e = error as { code?: string; details?: { issues?: Issue[] } };
  if (Array.isArray(e.details?.issues) && e.details.issues.length > 0) return e.details.issues;
  if (e.code === "functions/unavailable" || e.code === "functions/deadline-exceeded") return [{ code: "err.network" }];
  return [{ code: "err.unknown" }];
}

/** The extra the server sent with a refusal, e.g. the current setup with a stale save. */
export function callableDetails(error: unknown): unknown {
  return (error as { details?: unknown } | null)?.details;
}
export const choosePpk = (input: CallableInput<"choosePpk">) => call("choosePpk", input);
export const recordProcessLetter = (input: CallableInput<"recordProcessLetter">) => call("recordProcessLetter", input);
export const computeRanking = (input: CallableInput<"computeRanking">) => call("computeRanking", input);
export const issueRekap = (input: CallableInput<"issueRekap">) => call("issueRekap", input, { timeout: 120_000 });
export const publishStageResult = (input: CallableInput<"publishStageResult">) =>
  call("publishStageResult", input, { timeout: 120_000 });
export const resolveSpreadFlag = (input: CallableInput<"resolveSpreadFlag">) => call("resolveSpreadFlag", input);
export const issueBeritaAcara = (input: CallableInput<"issueBeritaAcara">) =>
  call("issueBeritaAcara", input, { timeout: 120_000 });
export const issueProposalLetter = (input: CallableInput<"issueProposalLetter">) =>
  call("issueProposalLetter", input, { timeout: 120_000 });
export const issueFinalReport = (input: CallableInput<"issueFinalReport">) =>
  call("issueFinalReport", input, { timeout: 120_000 });
