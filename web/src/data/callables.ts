/** The backend's callables, with their typed errors turned into Issues for the forms. */
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from "firebase/functions";
import { FUNCTIONS_REGION } from "@domain/deployment";
import type { Issue } from "@domain/issue";
import type { RegisterCandidateInput, SetStaffRolesInput } from "@domain/schemas/account";
import type { DisputeDecision, NipClaim } from "@domain/signup";
import type { StaffRole } from "@domain/roles";
import type { Stage } from "@domain/stages";
import { appCheckReady, firebaseApp } from "./app";

let instance: Functions | undefined;

function functions(): Functions {
  if (!instance) {
    instance = getFunctions(firebaseApp(), FUNCTIONS_REGION);
    if (__EMULATORS__) connectFunctionsEmulator(instance, __EMULATORS__.functions.host, __EMULATORS__.functions.port);
  }
  return instance;
}

export type SignUpRequest = RegisterCandidateInput;

/** The same answer whatever happened to the NIP and the e-mail (functions/src/accounts/registerCandidate.ts). */
export async function registerCandidate(input: SignUpRequest): Promise<{ next: "checkEmail" }> {
  await appCheckReady(); // the first callable of an anonymous visitor: App Check must be up first
  const result = await httpsCallable<SignUpRequest, { next: "checkEmail" }>(functions(), "registerCandidate")(input);
  return result.data;
}

export async function confirmNip(): Promise<{ nip: NipClaim }> {
  return (await httpsCallable<object, { nip: NipClaim }>(functions(), "confirmNip")({})).data;
}

export async function fileNipDispute(input: { instansiId: string; note: string }): Promise<{ disputeId: string }> {
  return (await httpsCallable<typeof input, { disputeId: string }>(functions(), "fileNipDispute")(input)).data;
}

export async function resolveNipDispute(input: {
  disputeId: string;
  decision: DisputeDecision;
  reason: string;
}): Promise<{ status: string }> {
  return (await httpsCallable<typeof input, { status: string }>(functions(), "resolveNipDispute")(input)).data;
}

export async function deleteMyAccount(): Promise<{ deleted: true }> {
  return (await httpsCallable<object, { deleted: true }>(functions(), "deleteMyAccount")({})).data;
}

export async function setStaffRoles(input: SetStaffRolesInput): Promise<{ uid: string; roles: StaffRole[] }> {
  const result = await httpsCallable<SetStaffRolesInput, { uid: string; roles: StaffRole[] }>(
    functions(),
    "setStaffRoles",
  )(input);
  return result.data;
}

/** A fresh id per user action: a retry over a bad network sends the same one and changes nothing. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

export async function createDraft(input: { requestId: string; copyFrom?: string }): Promise<{ selectionId: string }> {
  return (await httpsCallable<typeof input, { selectionId: string }>(functions(), "createDraft")(input)).data;
}

export interface ProposeAnswer {
  proposalId: string;
  warnings: Issue[];
}

export async function proposeStage(input: {
  selectionId: string;
  to: string;
  reason: string;
  requestId: string;
}): Promise<ProposeAnswer> {
  return (await httpsCallable<typeof input, ProposeAnswer>(functions(), "proposeStage")(input)).data;
}

export async function decideStage(input: {
  selectionId: string;
  proposalId: string;
  decision: "approve" | "reject";
  reason: string;
  requestId: string;
}): Promise<{ stage: Stage; decision: string }> {
  return (await httpsCallable<typeof input, { stage: Stage; decision: string }>(functions(), "decideStage")(input))
    .data;
}

export async function issueDocument(input: {
  selectionId: string;
  requestId: string;
}): Promise<{ documentId: string; number: string; version: number; sha256: string }> {
  return (
    await httpsCallable<typeof input, { documentId: string; number: string; version: number; sha256: string }>(
      functions(),
      "issueDocument",
      { timeout: 120_000 },
    )(input)
  ).data;
}

export async function extendRegistration(input: {
  selectionId: string;
  postIds: string[];
  requestId: string;
}): Promise<{ end: string; extensions: Record<string, number>; warnings: Issue[] }> {
  return (
    await httpsCallable<typeof input, { end: string; extensions: Record<string, number>; warnings: Issue[] }>(
      functions(),
      "extendRegistration",
    )(input)
  ).data;
}

export async function decidePostShortfall(input: {
  selectionId: string;
  postId: string;
  decision: string;
  reason: string;
  requestId: string;
}): Promise<{ postId: string; decision: string }> {
  return (
    await httpsCallable<typeof input, { postId: string; decision: string }>(functions(), "decidePostShortfall")(input)
  ).data;
}

/** The Issues a callable answered with; a network failure or an unexpected error gets a plain one. */
export function callableIssues(error: unknown): Issue[] {
  const e = error as { code?: string; details?: { issues?: Issue[] } };
  if (Array.isArray(e.details?.issues) && e.details.issues.length > 0) return e.details.issues;
  if (e.code === "functions/unavailable" || e.code === "functions/deadline-exceeded") return [{ code: "err.network" }];
  return [{ code: "err.unknown" }];
}
