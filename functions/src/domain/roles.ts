/**
 * Who may do what. Staff roles are Firebase Auth custom claims scoped to one instansi (tenant):
 * `{ instansi: "kota-metro", roles: ["operator"] }`. A candidate is any signed-in user without staff
 * claims: ASN apply across governments, so a candidate belongs to no tenant.
 */
import type { Issue } from "./issue.js";

export const STAFF_ROLES = ["operator", "pansel", "pejabat"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffClaims {
  readonly instansi: string;
  readonly roles: readonly StaffRole[];
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Reads staff claims from a decoded token; anything malformed counts as no staff role at all. */
export function staffClaimsOf(token: Readonly<Record<string, unknown>> | undefined): StaffClaims | undefined {
  const instansi = token?.["instansi"];
  const roles = token?.["roles"];
  if (typeof instansi !== "string" || instansi === "" || !Array.isArray(roles)) return undefined;
  const valid = roles.filter(isStaffRole);
  return valid.length > 0 ? { instansi, roles: valid } : undefined;
}

export function hasRole(claims: StaffClaims | undefined, role: StaffRole): boolean {
  return claims?.roles.includes(role) ?? false;
}

/** The screen a signed-in user lands on, by the strongest role they hold. */
export type HomeRoute = "/operator" | "/pejabat" | "/pansel" | "/peserta";

export function homeRouteFor(claims: StaffClaims | undefined): HomeRoute {
  if (hasRole(claims, "operator")) return "/operator";
  if (hasRole(claims, "pejabat")) return "/pejabat";
  if (hasRole(claims, "pansel")) return "/pansel";
  return "/peserta";
}

// ---- separation of duties --------------------------------------------------------------------

/**
 * Who may grant (and remove) which role within one instansi. The four-eyes approval is only real if
 * the proposer cannot make the approver: an operator never creates a pejabat. The platform
 * administrator is whoever runs `npm run bootstrap-operator` with the project's admin credentials.
 */
export type Granter = StaffRole | "platformAdmin";

export const MAY_GRANT: Readonly<Record<Granter, readonly StaffRole[]>> = {
  platformAdmin: ["operator", "pansel", "pejabat"],
  operator: ["operator", "pansel"],
  pejabat: ["pejabat"],
  pansel: [],
};

/** Roles no one may hold together in one instansi: the proposer and the approver of a stage move. */
export const EXCLUSIVE_ROLES: readonly (readonly [StaffRole, StaffRole])[] = [["operator", "pejabat"]];

/** The roles that `granters` may give or take away. */
export function grantableBy(granters: readonly Granter[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => granters.some((g) => MAY_GRANT[g].includes(role)));
}

/**
 * Whether a change of one user's roles from `before` to `after` is allowed to `granters`: every role
 * added or removed must be theirs to grant, the result must keep duties apart, and nobody removes the
 * role that lets them manage roles from themselves (the last operator would lock the instansi out).
 */
export function checkRoleChange(change: {
  readonly granters: readonly Granter[];
  readonly before: readonly StaffRole[];
  readonly after: readonly StaffRole[];
  readonly self: boolean;
}): Issue | undefined {
  const mayGrant = grantableBy(change.granters);
  if (mayGrant.length === 0) return { code: "err.role.notGranter" };
  const touched = STAFF_ROLES.filter((r) => change.before.includes(r) !== change.after.includes(r));
  const forbidden = touched.find((r) => !mayGrant.includes(r));
  if (forbidden) return { code: "err.role.notGrantable", params: { role: forbidden }, field: "roles" };
  if (EXCLUSIVE_ROLES.some(([a, b]) => change.after.includes(a) && change.after.includes(b))) {
    return { code: "err.role.conflict", field: "roles" };
  }
  if (
    change.self &&
    change.granters.some((g) => g !== "platformAdmin" && touched.includes(g) && !change.after.includes(g))
  ) {
    return { code: "err.role.self" };
  }
  return undefined;
}
