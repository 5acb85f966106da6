import { describe, it, expect } from "vitest";
import {
  MAY_GRANT,
  STAFF_ROLES,
  checkRoleChange,
  grantableBy,
  hasRole,
  homeRouteFor,
  isStaffRole,
  staffClaimsOf,
  type Granter,
  type StaffClaims,
  type StaffRole,
} from "./roles.js";

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

describe("who may grant what", () => {
  // The README's table, cell by cell: an operator never makes the pejabat who approves their proposals.
  it.each([
    ["platformAdmin", ["operator", "pansel", "pejabat"]],
    ["operator", ["operator", "pansel"]],
    ["pejabat", ["pejabat"]],
    ["pansel", []],
  ] as const)("%s may grant %j", (granter, roles) => {
    expect(grantableBy([granter])).toEqual(roles);
    expect(MAY_GRANT[granter]).toEqual(roles);
  });

  const change = (granters: Granter[], before: StaffRole[], after: StaffRole[], self = false) =>
    checkRoleChange({ granters, before, after, self })?.code;

  it.each([
    ["operator grants pansel", ["operator"], [], ["pansel"], undefined],
    ["operator grants operator", ["operator"], [], ["operator"], undefined],
    ["operator removes pansel", ["operator"], ["pansel"], [], undefined],
    ["operator grants pejabat", ["operator"], [], ["pejabat"], "err.role.notGrantable"],
    [
      "operator grants pejabat next to pansel",
      ["operator"],
      ["pansel"],
      ["pansel", "pejabat"],
      "err.role.notGrantable",
    ],
    ["operator removes pejabat", ["operator"], ["pejabat"], [], "err.role.notGrantable"],
    ["operator adds pansel to a pejabat", ["operator"], ["pejabat"], ["pansel", "pejabat"], undefined],
    ["operator makes a pejabat operator too", ["operator"], ["pejabat"], ["operator", "pejabat"], "err.role.conflict"],
    ["pejabat grants pejabat", ["pejabat"], [], ["pejabat"], undefined],
    ["pejabat removes pejabat", ["pejabat"], ["pejabat"], [], undefined],
    ["pejabat grants operator", ["pejabat"], [], ["operator"], "err.role.notGrantable"],
    ["pejabat grants pansel", ["pejabat"], [], ["pansel"], "err.role.notGrantable"],
    ["pejabat makes an operator pejabat too", ["pejabat"], ["operator"], ["operator", "pejabat"], "err.role.conflict"],
    ["platform admin grants pejabat", ["platformAdmin"], [], ["pejabat"], undefined],
    ["platform admin grants operator and pejabat", ["platformAdmin"], [], ["operator", "pejabat"], "err.role.conflict"],
    ["pansel grants pansel", ["pansel"], [], ["pansel"], "err.role.notGranter"],
    ["a candidate grants pansel", [], [], ["pansel"], "err.role.notGranter"],
    ["nothing changes", ["operator"], ["pansel"], ["pansel"], undefined],
  ] as const)("%s: %s", (_label, granters, before, after, expected) => {
    expect(change([...granters], [...before], [...after])).toBe(expected);
  });

  it("says which role the caller may not touch", () => {
    expect(checkRoleChange({ granters: ["operator"], before: [], after: ["pejabat"], self: false })).toEqual({
      code: "err.role.notGrantable",
      params: { role: "pejabat" },
      field: "roles",
    });
  });

  it.each([
    ["an operator removing their own operator role", ["operator"], ["operator"], ["pansel"], "err.role.self"],
    ["a pejabat removing their own pejabat role", ["pejabat"], ["pejabat"], [], "err.role.self"],
    ["an operator adding pansel to themselves", ["operator"], ["operator"], ["operator", "pansel"], undefined],
    [
      "an operator making themselves pejabat",
      ["operator"],
      ["operator"],
      ["operator", "pejabat"],
      "err.role.notGrantable",
    ],
    [
      "a pejabat making themselves operator",
      ["pejabat"],
      ["pejabat"],
      ["operator", "pejabat"],
      "err.role.notGrantable",
    ],
  ] as const)("refuses or allows %s", (_label, granters, before, after, expected) => {
    expect(change([...granters], [...before], [...after], true)).toBe(expected);
  });
});
