/**
 * Where the emulators are. `firebase emulators:exec` (npm test) sets these variables; reading them
 * instead of firebase.json lets a test run against emulators started on other ports.
 */
export interface EmulatorHosts {
  readonly firestore: { host: string; port: number };
  readonly auth: string; // host:port
  readonly hub: string; // host:port
  readonly projectId: string;
}

export function emulatorHosts(): EmulatorHosts {
  const firestore = required("FIRESTORE_EMULATOR_HOST");
  const [host = "127.0.0.1", port = "0"] = firestore.split(":");
  return {
    firestore: { host, port: Number(port) },
    auth: required("FIREBASE_AUTH_EMULATOR_HOST"),
    hub: required("FIREBASE_EMULATOR_HUB"),
    projectId: process.env["GCLOUD_PROJECT"] ?? "demo-seleksi",
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run emulator tests through 'npm test' (firebase emulators:exec)`);
  }
  return value;
}

interface HubEntry {
  host: string;
  port: number;
}

/** Base URL of an emulator the hub knows of, e.g. hosting or functions. */
export async function emulatorUrl(name: "functions" | "hosting"): Promise<string> {
  const hub = emulatorHosts().hub;
  const running = (await (await fetch(`http://${hub}/emulators`)).json()) as Record<string, HubEntry>;
  const entry = running[name];
  if (!entry) throw new Error(`the ${name} emulator is not running`);
  return `http://${entry.host}:${entry.port}`;
}
