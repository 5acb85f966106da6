import { describe, it, expect } from "vitest";
import { STAFF_ROLES, hasRole, homeRouteFor, isStaffRole, staffClaimsOf, type StaffClaims } from "./roles.js";

describe("isStaffRole", () => {
  it.each(STAFF_ROLES)("accepts %s", (role) => {
    expect(isStaffRole(role)).toBe(true);
  });

  it.each(["admin", "Operator", "candidate", "", " operator", 1, null, undefined, ["operator"]])(
    "rejects %j",
    (value) => {
      expect(isStaffRole(value)).toBe(false);
    },
  );
});

describe("staffClaimsOf", () => {
  it("reads well-formed claims", () => {
    expect(staffClaimsOf({ instansi: "kota-metro", roles: ["operator", "pansel"] })).toEqual({
      instansi: "kota-metro",
      roles: ["operator", "pansel"],
    });
  });

  it("ignores the other fields of a decoded token", () => {
    const token = { uid: "u1", email: "sekda@metrokota.go.id", instansi: "kota-metro", roles: ["pejabat"] };
    expect(staffClaimsOf(token)).toEqual({ instansi: "kota-metro", roles: ["pejabat"] });
  });

  it("filters out unknown roles and keeps the known ones", () => {
    // A role removed from the code, or a claim written by hand in the console, grants nothing.
    expect(staffClaimsOf({ instansi: "kota-bogor", roles: ["admin", "pansel", 7, null] })).toEqual({
      instansi: "kota-bogor",
      roles: ["pansel"],
    });
  });

  // Anything malformed counts as no staff role at all: the user is treated as a candidate.
  it.each([
    ["no token", undefined],
    ["a candidate's token", { uid: "u1", email: "asn@example.com" }],
    ["a missing instansi", { roles: ["operator"] }],
    ["an empty instansi", { instansi: "", roles: ["operator"] }],
    ["a non-string instansi", { instansi: 42, roles: ["operator"] }],
    ["missing roles", { instansi: "kota-metro" }],
    ["roles as a string, not an array", { instansi: "kota-metro", roles: "operator" }],
    ["roles as an object", { instansi: "kota-metro", roles: { 0: "operator" } }],
    ["an empty roles list", { instansi: "kota-metro", roles: [] }],
    ["only unknown roles", { instansi: "kota-metro", roles: ["admin", "superuser"] }],
  ])("returns undefined for %s", (_label, token) => {
    expect(staffClaimsOf(token)).toBeUndefined();
  });
});

describe("hasRole", () => {
  const claims: StaffClaims = { instansi: "kota-metro", roles: ["pansel"] };

  it("is true for a role held", () => {
    expect(hasRole(claims, "pansel")).toBe(true);
  });

  it("is false for a role not held", () => {
    expect(hasRole(claims, "operator")).toBe(false);
  });

  it.each(STAFF_ROLES)("is false for %s without claims", (role) => {
    expect(hasRole(undefined, role)).toBe(false);
  });
});

describe("homeRouteFor", () => {
  const as = (...roles: StaffClaims["roles"]): StaffClaims => ({ instansi: "kota-metro", roles });

  // The strongest role wins: operator > pejabat > pansel > candidate, whatever the order of the list.
  it.each([
    ["no claims", undefined, "/peserta"],
    ["operator", as("operator"), "/operator"],
    ["pejabat", as("pejabat"), "/pejabat"],
    ["pansel", as("pansel"), "/pansel"],
    ["pansel and operator", as("pansel", "operator"), "/operator"],
    ["pansel and pejabat", as("pansel", "pejabat"), "/pejabat"],
    ["pejabat and operator", as("pejabat", "operator"), "/operator"],
    ["all three", as("pansel", "pejabat", "operator"), "/operator"],
    ["no roles at all", as(), "/peserta"],
  ] as const)("sends %s to %s", (_label, claims, route) => {
    expect(homeRouteFor(claims)).toBe(route);
  });

  it("sends a malformed token's holder to the candidate home", () => {
    expect(homeRouteFor(staffClaimsOf({ instansi: "", roles: ["operator"] }))).toBe("/peserta");
  });
});
