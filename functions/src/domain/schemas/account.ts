import { z } from "zod/mini";
import { STAFF_ROLES } from "../roles.js";
import type { CalendarDate } from "../calendar.js";
import { email, nipField, password, personName } from "./fields.js";

/** Input of the `registerCandidate` callable and of the sign-up form (minus the repeated password). */
export function signUpInput(today?: CalendarDate) {
  return z.object({
    name: personName,
    nip: nipField(today),
    email,
    password,
  });
}
export type SignUpInput = z.output<ReturnType<typeof signUpInput>>;

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
