/**
 * The stage machine of an open selection, as data. A move is legal when the transition table has
 * it for the stages this selection uses, the caller may propose it, someone else approves it, and
 * the gates hold. Everything here is pure: facts (counts, today, the regulation profile) come in.
 */
import { STAGES, type Stage } from "../stages.js";
import type { StaffRole } from "../roles.js";

/** Stages that every selection goes through; the rest may be left out per selection. */
export const MANDATORY_STAGES: readonly Stage[] = [
  "persiapan",
  "pendaftaran",
  "seleksiAdministrasi",
  "pengumumanAdministrasi",
  "pemeringkatan",
  "laporanPpk",
  "penetapan",
  "pelantikan",
  "selesai",
];

export const OPTIONAL_STAGES: readonly Stage[] = [
  "asesmenManajerial",
  "kompetensiTeknis",
  "wawancara",
  "rekamJejak",
  "rekomendasi",
];

/** Stages in which the pansel scores; leaving one needs every score of it locked. */
export const SCORING_STAGES: readonly Stage[] = ["asesmenManajerial", "kompetensiTeknis", "wawancara", "rekamJejak"];

export const FINAL_STAGES: readonly Stage[] = ["selesai", "dibatalkan"];

/** Who starts a move: BKPSDM operators, or the chair of the pansel for what the pansel finishes. */
export type ProposerRole = "operator" | "ketuaPansel";

export type GateId =
  | "setupValid"
  | "registrationEnded"
  | "applicantsSufficient"
  | "allApplicationsVerified"
  | "objectionWindowClosed"
  | "scoresLocked"
  | "recommendationRecorded"
  | "governorConsulted"
  | "ppkChosen"
  | "proposalIssued"
  | "electionApproval";

export interface TransitionRule {
  readonly from: Stage;
  readonly to: Stage;
  readonly proposers: readonly ProposerRole[];
  readonly approvers: readonly StaffRole[];
  readonly gates: readonly GateId[];
  /** Cancelling stops a selection for good: it needs a reason on the record. */
  readonly reasonRequired: boolean;
}

/** The gates a move into `to` from `from` must pass, by what the stage left behind. */
function gatesFor(from: Stage, to: Stage): GateId[] {
  if (to === "dibatalkan") return [];
  const gates: GateId[] = [];
  if (from === "persiapan") gates.push("setupValid");
  if (from === "pendaftaran") gates.push("registrationEnded", "applicantsSufficient");
  if (from === "seleksiAdministrasi") gates.push("allApplicationsVerified");
  if (from === "pengumumanAdministrasi") gates.push("objectionWindowClosed");
  if (SCORING_STAGES.includes(from) || from === "pemeringkatan") gates.push("scoresLocked");
  if (from === "rekomendasi") gates.push("recommendationRecorded");
  // The Sekda of a kabupaten/kota: the governor is consulted on the three names before the PPK
  // chooses (the gate holds only when the profile and the post ask for it: ./gates.ts).
  // The report to the PPK is the letter proposing the 3 besar: the stage is not left without it.
  if (from === "laporanPpk") gates.push("proposalIssued");
  if (to === "penetapan") gates.push("governorConsulted");
  if (from === "penetapan") gates.push("ppkChosen");
  // "electionApproval" is not the table's to place: the regulation profile names the stage it comes
  // before (electionGate.approvalBeforeStage), and ./gates.ts adds it to the move that reaches it.
  return gates;
}

/**
 * Whether a move reaches `stage`: it enters it, or, when the selection does not use `stage`, it
 * enters the first stage after it. A gate "before stage X" then still holds for a selection that
 * leaves X out, at the move that passes where X would have been. Cancelling reaches nothing.
 */
export function reachesStage(rule: Pick<TransitionRule, "from" | "to">, stage: Stage): boolean {
  if (rule.to === "dibatalkan") return false;
  const at = STAGES.indexOf(stage);
  return STAGES.indexOf(rule.from) < at && at <= STAGES.indexOf(rule.to);
}

function proposersFor(from: Stage, to: Stage): ProposerRole[] {
  if (to !== "dibatalkan" && (SCORING_STAGES.includes(from) || from === "pemeringkatan")) {
    return ["ketuaPansel", "operator"];
  }
  return ["operator"];
}

/** The stages a selection uses, in process order, always with the mandatory ones. */
export function normaliseStagesUsed(stagesUsed: readonly Stage[]): Stage[] {
  return STAGES.filter((s) => s !== "dibatalkan" && (MANDATORY_STAGES.includes(s) || stagesUsed.includes(s)));
}

/** The legal moves out of `from`: to the next stage used, or to cancellation. */
export function transitionsFrom(from: Stage, stagesUsed: readonly Stage[]): TransitionRule[] {
  if (FINAL_STAGES.includes(from)) return [];
  const order = normaliseStagesUsed(stagesUsed);
  const at = order.indexOf(from);
  const next = at >= 0 ? order[at + 1] : undefined;
  const targets: Stage[] = next ? [next] : [];
  targets.push("dibatalkan");
  return targets.map((to) => ({
    from,
    to,
    proposers: proposersFor(from, to),
    approvers: ["pejabat"],
    gates: gatesFor(from, to),
    reasonRequired: to === "dibatalkan",
  }));
}

export function findTransition(from: Stage, to: Stage, stagesUsed: readonly Stage[]): TransitionRule | undefined {
  return transitionsFrom(from, stagesUsed).find((t) => t.to === to);
}

/** Whether a staff member, as what they are in this selection, may propose this move. */
export function mayPropose(
  rule: TransitionRule,
  actor: { roles: readonly StaffRole[]; isKetuaPansel: boolean },
): boolean {
  return rule.proposers.some((p) => (p === "ketuaPansel" ? actor.isKetuaPansel : actor.roles.includes(p)));
}

/** Four eyes: the approver holds an approver role and is not the one who proposed. */
export function mayApprove(
  rule: TransitionRule,
  actor: { uid: string; roles: readonly StaffRole[] },
  proposerUid: string,
): boolean {
  return actor.uid !== proposerUid && rule.approvers.some((r) => actor.roles.includes(r));
}
