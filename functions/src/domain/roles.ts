/**
 * Who may do what. Staff roles are Firebase Auth custom claims scoped to one instansi (tenant):
 * `{ instansi: "kota-metro", roles: ["operator"] }`. A candidate is any signed-in user without staff
 * claims: ASN apply across governments, so a candidate belongs to no tenant.
 */
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
