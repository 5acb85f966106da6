/**
 * `npm run bootstrap-operator -- --email … --instansi … [--name …] [--instansi-name …] [--role pejabat]
 * [--api-key KEY]`: the platform administrator's command. It makes the first operator of a government,
 * which no operator exists yet to do through the app, and it is one of the two ways to grant the
 * pejabat role (the other: an existing pejabat of that instansi, in the app). See MAY_GRANT in
 * functions/src/domain/roles.ts. Runs with admin rights: against the emulators when
 * FIRESTORE_EMULATOR_HOST / FIREBASE_AUTH_EMULATOR_HOST are set, else against the project in
 * GCLOUD_PROJECT with GOOGLE_APPLICATION_CREDENTIALS.
 *
 * A new account gets a random password nobody sees; the person sets their own through a
 * password-reset link, sent by email when --api-key (the web API key) is given, else printed once
 * for the administrator to hand over in person.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { email as emailSchema, instansiId as instansiSchema } from "../functions/src/domain/schemas/fields.js";
import { parseWith } from "../functions/src/domain/validation.js";
import { renderIssue } from "../functions/src/domain/i18n/render.js";
import { checkRoleChange, staffClaimsOf, STAFF_ROLES, type StaffRole } from "../functions/src/domain/roles.js";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string", default: "" },
    instansi: { type: "string" },
    "instansi-name": { type: "string" },
    role: { type: "string", default: "operator" },
    "api-key": { type: "string" },
  },
});

const USAGE =
  "usage: npm run bootstrap-operator -- --email EMAIL --instansi SLUG [--name NAME] [--instansi-name NAME] [--role operator|pejabat] [--api-key KEY]";
const email = parseWith(emailSchema, values.email ?? "");
const instansiId = parseWith(instansiSchema, values.instansi ?? "");
const role = values.role as StaffRole;
if (!email.ok || !instansiId.ok || !(STAFF_ROLES as readonly string[]).includes(role)) {
  for (const issue of [...(email.ok ? [] : email.issues), ...(instansiId.ok ? [] : instansiId.issues)]) {
    console.error(renderIssue("en", issue));
  }
  console.error(USAGE);
  process.exit(2);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { auth, db } = await import("../functions/src/shell/admin.js");
const { applyStaffRoles } = await import("../functions/src/accounts/staffRoles.js");
const { COLLECTIONS } = await import("../functions/src/domain/collections.js");

const existing = await auth.getUserByEmail(email.value).catch(() => undefined);
if (existing && !existing.emailVerified) {
  // Whoever signed up first with this address may not own it: roles go only to verified addresses.
  fail(`${email.value} has an account whose email is not verified: ask its owner to verify it first`);
}
const current = staffClaimsOf(existing?.customClaims);
if (current && current.instansi !== instansiId.value) {
  fail(`${email.value} is staff of ${current.instansi}: remove those roles there before moving them`);
}
const before = current?.roles ?? [];
const after = [...new Set([...before, role])];
const refused = checkRoleChange({ granters: ["platformAdmin"], before, after, self: false });
if (refused) fail(renderIssue("en", refused));

const user =
  existing ??
  // The administrator vouches for the address of the official they were asked to set up; the
  // password nobody knows is replaced through the reset link, which only that mailbox receives.
  (await auth.createUser({
    email: email.value,
    password: randomBytes(24).toString("base64url"),
    displayName: values.name || undefined,
    emailVerified: true,
  }));

const instansiRef = db.collection(COLLECTIONS.instansi).doc(instansiId.value);
if (values["instansi-name"] && !(await instansiRef.get()).exists) {
  const name = values["instansi-name"];
  await instansiRef.set({
    name,
    shortName: name.replace(/^Pemerintah\s+/i, ""),
    province: "",
    agency: "",
    address: "",
    website: "",
  });
}
await applyStaffRoles(
  user.uid,
  { email: email.value, instansiId: instansiId.value, roles: after, name: values.name || undefined },
  { uid: "bootstrap", name: "Administrator platform", as: "platformAdmin" },
);
console.log(`${email.value} now holds ${after.join(", ")} in ${instansiId.value}`);

if (!existing) {
  const apiKey = values["api-key"];
  if (apiKey) {
    const response = await fetch(`https://identitytoolkit.googleapis.com/v1/accounts:sendOobCode?key=${apiKey}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ requestType: "PASSWORD_RESET", email: email.value }),
    });
    if (!response.ok) fail(`sending the password link failed (${response.status}): run again without --api-key`);
    console.log(`a link to set a password was emailed to ${email.value}`);
  } else {
    const link = await auth.generatePasswordResetLink(email.value);
    console.log(`give this one-time link to ${email.value} only, to set their password:\n${link}`);
  }
}
