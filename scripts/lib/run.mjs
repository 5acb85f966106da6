import { spawn } from "node:child_process";
import { repoRoot } from "./paths.mjs";

/** Runs a command with inherited output; rejects with a message naming the step on failure. */
export function run(step, command, args, options = {}) {
  console.log(`\n▶ ${step}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${step} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
