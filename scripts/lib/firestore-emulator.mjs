// Finds a Firestore emulator that runs on this machine's Java, so that no binary is downloaded.
//
// firebase-tools starts the emulator with `java -jar $FIRESTORE_EMULATOR_BINARY_PATH`. The Debian
// package google-cloud-cli-firestore-emulator ships the emulator as a plain library jar with no
// Main-Class, so we build a tiny wrapper jar whose manifest names the main class and puts the real
// jar on the class path. Where no such package is installed, we leave the variable unset and
// firebase-tools downloads its own emulator (on a machine with internet access).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths.mjs";

const MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
const KNOWN_JARS = [
  "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
  "/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
];

function findPreinstalledJar() {
  try {
    const files = execFileSync("dpkg", ["-L", "google-cloud-cli-firestore-emulator"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const jar = files.split("\n").find((f) => f.endsWith("/cloud-firestore-emulator.jar"));
    if (jar && existsSync(jar)) return jar;
  } catch {
    // Not a Debian machine, or the package is not installed: try the usual paths.
  }
  return KNOWN_JARS.find((p) => existsSync(p));
}

/** Returns the env additions for firebase-tools, building the wrapper jar when needed. */
export function firestoreEmulatorEnv() {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) return {};
  const jar = findPreinstalledJar();
  if (!jar) {
    console.log("[emulators] no preinstalled Firestore emulator; firebase-tools will fetch its own");
    return {};
  }
  const dir = join(repoRoot, ".cache", "firestore-emulator");
  const wrapper = join(dir, "firestore-emulator-wrapper.jar");
  const stamp = join(dir, "stamp.txt");
  const wanted = `${jar}\n${statSync(jar).mtimeMs}\n`;
  if (!existsSync(wrapper) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== wanted) {
    mkdirSync(dir, { recursive: true });
    const manifest = join(dir, "manifest.txt");
    writeFileSync(manifest, `Main-Class: ${MAIN_CLASS}\nClass-Path: file:${jar}\n`);
    try {
      execFileSync("jar", ["cfm", wrapper, manifest], { stdio: "inherit" });
    } catch (error) {
      throw new Error(
        `Could not build the Firestore emulator wrapper jar with 'jar' (install a JDK, e.g. ` +
          `apt-get install -y openjdk-17-jdk-headless): ${String(error)}`,
      );
    }
    writeFileSync(stamp, wanted);
  }
  return { FIRESTORE_EMULATOR_BINARY_PATH: wrapper };
}
