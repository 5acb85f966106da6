/**
 * The demo seed writes well-known passwords and roles: it must never reach a real project. It runs
 * only when both the Firestore and the Auth emulator are set and the project is a `demo-` one, which
 * the Firebase tools guarantee never talks to production.
 */
export function seedRefusal(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const project = env["GCLOUD_PROJECT"] ?? env["GOOGLE_CLOUD_PROJECT"] ?? "";
  if (!env["FIRESTORE_EMULATOR_HOST"]) return "FIRESTORE_EMULATOR_HOST is not set: the seed writes to emulators only";
  if (!env["FIREBASE_AUTH_EMULATOR_HOST"]) {
    return "FIREBASE_AUTH_EMULATOR_HOST is not set: the seed creates accounts in the Auth emulator only";
  }
  if (!project.startsWith("demo-")) return `project "${project}" is not a demo- project: the seed refuses to run`;
  return undefined;
}
