/**
 * The Admin SDK for tests, bound to the functions' project (the functions emulator serves one
 * project, so tests that call functions share it and keep apart by unique ids).
 */
process.env["GCLOUD_PROJECT"] ??= "demo-seleksi";
export const { auth, db } = await import("../../functions/src/shell/admin.js");
