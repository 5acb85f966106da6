import { z } from "zod/mini";
import { STAFF_ROLES } from "../roles.js";
import type { CalendarDate } from "../calendar.js";
import { DISPUTE_DECISIONS, PRIVACY_NOTICE_VERSION } from "../signup.js";
import { email, instansiId, nipField, password, personName } from "./fields.js";

/**
 * The sign-up form (minus the repeated password). `privacyNotice` is the version of the notice the
 * candidate agreed to: consent is to a text, and an old form's consent to an older text is refused.
 */
export function signUpInput(today?: CalendarDate) {
  return z.object({
    name: personName,
    nip: nipField(today),
    email,
    password,
    privacyNotice: z.literal(PRIVACY_NOTICE_VERSION, { error: "err.consent.required" }),
  });
}
export type SignUpInput = z.output<ReturnType<typeof signUpInput>>;

const requestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "err.input.invalid" }));

/** The `registerCandidate` callable: the form plus the id the phone keeps while the answer is unknown. */
export function registerCandidateInput(today?: CalendarDate) {
  return z.extend(signUpInput(today), { requestId });
}
export type RegisterCandidateInput = z.output<ReturnType<typeof registerCandidateInput>>;

const shortText = (max: number) =>
  z._default(z.string().check(z.trim(), z.maxLength(max, { error: "err.input.invalid" })), "");

/** A verified candidate whose NIP another account holds names the BKPSDM that will check their SK or KTP. */
export const fileNipDisputeInput = z.object({ instansiId, note: shortText(1000) });
export type FileNipDisputeInput = z.output<typeof fileNipDisputeInput>;

export const resolveNipDisputeInput = z.object({
  disputeId: z.string().check(z.regex(/^[0-9]{18}_[A-Za-z0-9]{1,128}$/, { error: "err.input.invalid" })),
  decision: z.enum(DISPUTE_DECISIONS, { error: "err.input.invalid" }),
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: "err.dispute.reasonRequired" }),
      z.maxLength(1000, { error: "err.input.invalid" }),
    ),
});
export type ResolveNipDisputeInput = z.output<typeof resolveNipDisputeInput>;

/**
 * Input of the `setStaffRoles` callable: an empty list removes the user from the instansi.
 * Duplicates are folded rather than refused; the enum already bounds what a list can hold.
 */
export const setStaffRolesInput = z.object({
  email,
  /** The person's name as the granter knows it (audit entries show it, not the account's own display name). */
  name: z.optional(personName),
  roles: z.pipe(
    z.array(z.enum(STAFF_ROLES, { error: "err.role.invalid" })),
    z.transform((roles: (typeof STAFF_ROLES)[number][]) => [...new Set(roles)].sort()),
  ),
});
export type SetStaffRolesInput = z.output<typeof setStaffRolesInput>;

export const signInInput = z.object({
  email,
  password: z.string().check(z.minLength(1, { error: "err.password.short" })),
});
