import type { Issue } from "./issue.js";

/**
 * Where the callables run. Jakarta keeps round trips short for phones across Indonesia; the web
 * client must name the same region or its calls go nowhere.
 */
export const FUNCTIONS_REGION = "asia-southeast2";

/**
 * Why a public base URL cannot go on documents, or undefined when it can. QR codes on printed
 * announcements point at it for years: outside the emulators it must be an https address that a
 * reader's phone can reach, never a loopback one left over from a developer's machine.
 */
export function publicUrlIssue(url: string, onEmulators: boolean): Issue | undefined {
  const issue: Issue = { code: "err.deploy.publicUrl", params: { value: url || "—" } };
  const m = /^(https?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::\d{1,5})?(?:\/[^\s?#]*)?$/i.exec(url.trim());
  if (!m) return issue;
  if (onEmulators) return undefined;
  const [, scheme = "", host = ""] = m;
  if (scheme.toLowerCase() !== "https") return issue;
  return isLoopback(host.toLowerCase()) ? issue : undefined;
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  return (
    bare === "localhost" ||
    bare.endsWith(".localhost") ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    bare === "0.0.0.0" ||
    bare === "::1" ||
    bare === "::" ||
    /^::ffff:127\./.test(bare) ||
    /^0*:(0*:)*0*1$/.test(bare)
  );
}
