// Browser tests drive Debian's Chromium (never a browser that a tool downloads: this machine has no
// internet beyond the package registries). Installs it when missing and we are root.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const which = spawnSync("which", ["chromium"], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  return CANDIDATES.find((p) => existsSync(p));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error(
      "Chromium is needed for the browser tests. Install it with: sudo apt-get install -y chromium " +
        "(or set CHROMIUM_PATH to a Chromium binary).",
    );
  }
  console.log("[chromium] installing Debian's chromium (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  const installed = findChromium();
  if (!installed) throw new Error("apt-get installed chromium but no chromium binary was found");
  return installed;
}
