/**
 * `npm run bootstrap-operator -- --email … --instansi … [--name …] [--instansi-name …]`: makes the first
 * operator of a government, which no operator exists yet to do through the app. Runs with admin rights:
 * against the emulators when FIRESTORE_EMULATOR_HOST / FIREBASE_AUTH_EMULATOR_HOST are set, else
 * against the project in GCLOUD_PROJECT with GOOGLE_APPLICATION_CREDENTIALS.
 */
import { parseArgs } from "node:util";
import { email as emailSchema, instansiId as instansiSchema } from "../functions/src/domain/schemas/fields.js";
import { parseWith } from "../functions/src/domain/validation.js";
import { renderIssue } from "../functions/src/domain/i18n/render.js";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string", default: "" },
    instansi: { type: "string" },
    "instansi-name": { type: "string" },
  },
});

const email = parseWith(emailSchema, values.email ?? "");
const instansiId = parseWith(instansiSchema, values.instansi ?? "");
if (!email.ok || !instansiId.ok) {
  for (const issue of [...(email.ok ? [] : email.issues), ...(instansiId.ok ? [] : instansiId.issues)]) {
    console.error(renderIssue("en", issue));
  }
  console.error(
    "usage: npm run bootstrap-operator -- --email EMAIL --instansi SLUG [--name NAME] [--instansi-name NAME]",
  );
  process.exit(2);
}

const { auth, db } = await import("../functions/src/shell/admin.js");
const { applyStaffRoles } = await import("../functions/src/accounts/staffRoles.js");
const { COLLECTIONS } = await import("../functions/src/domain/collections.js");

const user = await auth.getUserByEmail(email.value).catch(async () => {
  const password = `${Math.random().toString(36).slice(2, 10)}A1`;
  const created = await auth.createUser({ email: email.value, password, displayName: values.name || undefined });
  console.log(`created ${email.value} with the temporary password ${password}: change it after the first sign-in`);
  return created;
});
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
await applyStaffRoles(user.uid, { email: email.value, instansiId: instansiId.value, roles: ["operator"] });
console.log(`${email.value} is now an operator of ${instansiId.value}`);
