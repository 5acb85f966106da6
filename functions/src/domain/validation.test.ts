import { describe, it, expect } from "vitest";
import { parseWith, type Parsed } from "./validation.js";
import { setStaffRolesInput, signInInput, signUpInput } from "./schemas/account.js";
import { NAME_MAX, PASSWORD_MIN } from "./schemas/fields.js";
import { renderIssue } from "./i18n/render.js";
import { LOCALES } from "./i18n/messages.js";
import type { CalendarDate } from "./calendar.js";
import type { Issue } from "./issue.js";
import { PRIVACY_NOTICE_VERSION } from "./signup.js";

const TODAY: CalendarDate = { year: 2024, month: 5, day: 10 };

const GOOD = {
  name: "Budi Santoso",
  nip: "197203151998031004",
  email: "budi.santoso@metrokota.go.id",
  password: "rahasia123",
  privacyNotice: PRIVACY_NOTICE_VERSION,
};

/** The issues of a failed parse; fails the test when the parse succeeded. */
function issuesOf<T>(result: Parsed<T>): Issue[] {
  if (result.ok) throw new Error(`expected a failed parse, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

describe("signUpInput", () => {
  const schema = signUpInput(TODAY);

  it("accepts a good input unchanged", () => {
    expect(parseWith(schema, GOOD)).toEqual({ ok: true, value: GOOD });
  });

  it("normalises what people type on a phone", () => {
    const typed = {
      name: "  Siti Rahmawati  ",
      nip: "19851123 2010.12-2 001",
      email: "  Siti.Rahma@Example.COM ",
      password: "Kunci2024",
      privacyNotice: PRIVACY_NOTICE_VERSION,
    };
    expect(parseWith(schema, typed)).toEqual({
      ok: true,
      value: {
        name: "Siti Rahmawati",
        nip: "198511232010122001",
        email: "siti.rahma@example.com",
        password: "Kunci2024", // passwords are never trimmed or folded
        privacyNotice: PRIVACY_NOTICE_VERSION,
      },
    });
  });

  it("accepts a name of exactly NAME_MAX characters", () => {
    expect(parseWith(schema, { ...GOOD, name: "A".repeat(NAME_MAX) }).ok).toBe(true);
  });

  it("accepts a password of exactly PASSWORD_MIN characters", () => {
    expect(PASSWORD_MIN).toBe(8);
    expect(parseWith(schema, { ...GOOD, password: "abcdefg1" }).ok).toBe(true);
  });

  // One bad field at a time: exactly the expected issues, on that field, with catalogue keys.
  it.each([
    ["name", "Al", [{ code: "err.name.short" }]],
    ["name", "   Al   ", [{ code: "err.name.short" }]],
    ["name", "", [{ code: "err.name.short" }]],
    ["name", "A".repeat(NAME_MAX + 1), [{ code: "err.name.long", params: { max: NAME_MAX } }]],
    ["email", "budi", [{ code: "err.email.invalid" }]],
    ["email", "budi@", [{ code: "err.email.invalid" }]],
    ["email", "@metrokota.go.id", [{ code: "err.email.invalid" }]],
    ["email", "budi santoso@metrokota.go.id", [{ code: "err.email.invalid" }]],
    ["email", "", [{ code: "err.email.invalid" }]],
    ["password", "abc1", [{ code: "err.password.short", params: { min: 8 } }]],
    ["password", "abcdefgh", [{ code: "err.password.weak" }]],
    ["password", "12345678", [{ code: "err.password.weak" }]],
    // Too short and letters only: both rules are reported so the candidate fixes it in one go.
    ["password", "abc", [{ code: "err.password.short", params: { min: 8 } }, { code: "err.password.weak" }]],
    ["nip", "", [{ code: "err.nip.empty" }]],
    ["nip", "1972031519980310x4", [{ code: "err.nip.notDigits", params: { char: "x" } }]],
    ["nip", "19720315 199803 1 00", [{ code: "err.nip.length", params: { count: 17 } }]],
    ["nip", "197202301998031004", [{ code: "err.nip.birthDate", params: { value: "19720230" } }]],
    ["nip", "202405112042051001", [{ code: "err.nip.birthFuture", params: { value: "20240511" } }]],
    ["nip", "197203151998131004", [{ code: "err.nip.serviceStart", params: { value: "199813" } }]],
    [
      "nip",
      "198003201998031001",
      [{ code: "err.nip.serviceBeforeAdult", params: { value: "199803", adult: "1998-03-20" } }],
    ],
    ["nip", "200001012024061001", [{ code: "err.nip.serviceFuture", params: { value: "202406" } }]],
    ["nip", "197203151998033004", [{ code: "err.nip.sex", params: { value: "3" } }]],
    ["nip", "197203151998031000", [{ code: "err.nip.sequence", params: { value: "000" } }]],
  ] as const)("reports %s = %j", (field, value, expected) => {
    const issues = issuesOf(parseWith(schema, { ...GOOD, [field]: value }));
    expect(issues).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(issues[i]).toMatchObject({ ...e, field });
    });
  });

  it("passes the NIP's own params through unchanged", () => {
    // The custom issue carries exactly what parseNip said, nothing more.
    const [issue] = issuesOf(parseWith(schema, { ...GOOD, nip: "1972" }));
    expect(issue).toEqual({ code: "err.nip.length", params: { count: 4 }, field: "nip" });
  });

  it("reports every bad field at once", () => {
    const issues = issuesOf(parseWith(schema, { name: "", nip: "1", email: "x", password: "x" }));
    expect(issues.map((i) => i.field)).toEqual(["name", "nip", "email", "password", "password", "privacyNotice"]);
  });

  it.each([undefined, "", "2020-01-01"])("refuses sign-up without consent to the current notice (%s)", (version) => {
    expect(issuesOf(parseWith(schema, { ...GOOD, privacyNotice: version }))).toEqual([
      { code: "err.consent.required", field: "privacyNotice", params: expect.anything() as unknown },
    ]);
  });

  it("checks the future only against the `today` it was built with", () => {
    const joinedNextMonth = { ...GOOD, nip: "200001012024061001" };
    expect(parseWith(signUpInput(TODAY), joinedNextMonth).ok).toBe(false);
    expect(parseWith(signUpInput({ year: 2024, month: 6, day: 1 }), joinedNextMonth).ok).toBe(true);
    expect(parseWith(signUpInput(), joinedNextMonth).ok).toBe(true);
  });

  // zod's own type checks only fail for a tampered client; they name the field, not a sentence.
  it.each([
    ["nip", 42],
    ["nip", Number.parseInt("197203151998031004", 10)], // a NIP sent as a number has already lost digits
    ["name", null],
    ["email", ["budi@example.com"]],
    ["password", 12345678],
    ["nip", undefined],
  ])("reports a wrong type in %s (%j) as err.input.invalid", (field, value) => {
    expect(issuesOf(parseWith(schema, { ...GOOD, [field]: value }))).toEqual([
      { code: "err.input.invalid", params: { detail: field }, field },
    ]);
  });

  it("reports every missing field", () => {
    const issues = issuesOf(parseWith(schema, {}));
    expect(issues).toEqual([
      ...["name", "nip", "email", "password"].map((field) => ({
        code: "err.input.invalid",
        params: { detail: field },
        field,
      })),
      // Missing consent is the form's own message, not a tampered-client one: the box was not ticked.
      { code: "err.consent.required", params: expect.anything() as unknown, field: "privacyNotice" },
    ]);
  });

  it.each([null, "budi", 42, []])("reports a non-object input %j at the root", (input) => {
    expect(issuesOf(parseWith(schema, input))).toEqual([
      { code: "err.input.invalid", params: { detail: "invalid_type" }, field: "" },
    ]);
  });

  it("drops unknown keys such as a forged role", () => {
    const result = parseWith(schema, { ...GOOD, roles: ["operator"], instansi: "kota-metro" });
    expect(result).toEqual({ ok: true, value: GOOD });
  });
});

describe("setStaffRolesInput", () => {
  const EMAIL = "operator@bkpsdm.metrokota.go.id";

  it("dedupes and sorts the roles", () => {
    expect(parseWith(setStaffRolesInput, { email: EMAIL, roles: ["pejabat", "operator", "pejabat"] })).toEqual({
      ok: true,
      value: { email: EMAIL, roles: ["operator", "pejabat"] },
    });
    expect(parseWith(setStaffRolesInput, { email: EMAIL, roles: ["pejabat", "pansel", "operator"] })).toEqual({
      ok: true,
      value: { email: EMAIL, roles: ["operator", "pansel", "pejabat"] },
    });
    // Folding happens before anything counts the list, so a repeated role is never an error.
    expect(parseWith(setStaffRolesInput, { email: EMAIL, roles: ["operator", "pansel", "pejabat", "pansel"] })).toEqual(
      {
        ok: true,
        value: { email: EMAIL, roles: ["operator", "pansel", "pejabat"] },
      },
    );
  });

  it("accepts an empty list, which removes the user from the instansi", () => {
    expect(parseWith(setStaffRolesInput, { email: EMAIL, roles: [] })).toEqual({
      ok: true,
      value: { email: EMAIL, roles: [] },
    });
  });

  it("normalises the email like sign-up does, so the user is found", () => {
    const result = parseWith(setStaffRolesInput, { email: " Operator@BKPSDM.MetroKota.go.id ", roles: [] });
    expect(result).toMatchObject({ ok: true, value: { email: EMAIL } });
  });

  it.each([
    ["an unknown role", ["admin"], "roles.0", "admin"],
    ["a role in the wrong case", ["operator", "Pansel"], "roles.1", "Pansel"],
    ["a label instead of a role", ["Operator BKPSDM"], "roles.0", "Operator BKPSDM"],
    ["a number", ["pansel", 5], "roles.1", "5"],
  ])("rejects %s and names it", (_label, roles, field, value) => {
    expect(issuesOf(parseWith(setStaffRolesInput, { email: EMAIL, roles }))).toEqual([
      { code: "err.role.invalid", params: { value }, field },
    ]);
  });

  it("reports each unknown role separately", () => {
    const issues = issuesOf(parseWith(setStaffRolesInput, { email: EMAIL, roles: ["admin", "pansel", "root"] }));
    expect(issues).toEqual([
      { code: "err.role.invalid", params: { value: "admin" }, field: "roles.0" },
      { code: "err.role.invalid", params: { value: "root" }, field: "roles.2" },
    ]);
  });

  it("renders the unknown role into the message", () => {
    const [issue] = issuesOf(parseWith(setStaffRolesInput, { email: EMAIL, roles: ["admin"] }));
    expect(issue && renderIssue("id", issue)).toBe("Peran tidak dikenal: admin.");
    expect(issue && renderIssue("en", issue)).toBe("Unknown role: admin.");
  });

  it("reports roles that are not a list as err.input.invalid on roles", () => {
    const issues = issuesOf(parseWith(setStaffRolesInput, { email: EMAIL, roles: "operator" }));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue).toEqual({ code: "err.input.invalid", params: { detail: "roles" }, field: "roles" });
    }
  });

  it("rejects a bad email", () => {
    expect(issuesOf(parseWith(setStaffRolesInput, { email: "operator", roles: ["pansel"] }))).toEqual([
      { code: "err.email.invalid", params: {}, field: "email" },
    ]);
  });
});

describe("signInInput", () => {
  it("normalises the email and keeps the password as typed", () => {
    expect(parseWith(signInInput, { email: " Budi@Example.com", password: " x " })).toEqual({
      ok: true,
      value: { email: "budi@example.com", password: " x " },
    });
  });

  it("asks for a password but not for sign-up's strength rules", () => {
    // Old accounts may predate the rules; the server decides whether the password is right.
    expect(parseWith(signInInput, { email: "budi@example.com", password: "abc" }).ok).toBe(true);
    expect(issuesOf(parseWith(signInInput, { email: "budi@example.com", password: "" }))).toMatchObject([
      { code: "err.password.short", field: "password" },
    ]);
  });
});

describe("issues render in every language", () => {
  // Every issue the forms can show must fill all its placeholders; a visible "{count}" is a bug.
  const bad = [
    { name: "", nip: "", email: "", password: "" },
    { name: "A".repeat(NAME_MAX + 1), nip: "1972x", email: "x", password: "abc" },
    { ...GOOD, nip: "19720315 199803 1 00" },
    { ...GOOD, nip: "197202301998031004" },
    { ...GOOD, nip: "202405112042051001" },
    { ...GOOD, nip: "197203151998131004" },
    { ...GOOD, nip: "198003201998031001" },
    { ...GOOD, nip: "200001012024061001" },
    { ...GOOD, nip: "197203151998033004" },
    { ...GOOD, nip: "197203151998031000" },
    { ...GOOD, nip: 42 },
    null,
  ];
  const issues = bad.flatMap((input) => issuesOf(parseWith(signUpInput(TODAY), input)));

  it.each(LOCALES)("%s", (locale) => {
    expect(issues.length).toBeGreaterThan(15);
    for (const issue of issues) {
      const text = renderIssue(locale, issue);
      expect(text, `${issue.code} in ${locale}`).not.toMatch(/\{\w+\}/);
    }
  });
});
