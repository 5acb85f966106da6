/**
 * Sign-up as a phone does it: the callable (from its own client address), sign-in, and the e-mail
 * verification link the Auth emulator keeps at /emulator/v1/projects/{id}/oobCodes.
 */
import { randomUUID } from "node:crypto";
import { PRIVACY_NOTICE_VERSION } from "../../functions/src/domain/signup.js";
import { call, signIn, type CallResult } from "./callables.js";
import { emulatorHosts } from "./emulators.js";

export interface SignUp {
  name: string;
  nip: string;
  email: string;
  password: string;
  privacyNotice?: string;
  requestId: string;
}

export const SIGN_UP_PASSWORD = "Seleksi2025";

export function signUpFor(email: string, nip: string): SignUp {
  return {
    name: "Dr. Ani Rahmawati, S.E., M.Si.",
    nip,
    email,
    password: SIGN_UP_PASSWORD,
    privacyNotice: PRIVACY_NOTICE_VERSION,
    requestId: randomUUID(),
  };
}

/** A made-up client address (TEST-NET-3, RFC 5737), so each test has its own per-client counter. */
export function clientIp(): string {
  return `203.0.113.${Math.floor(Math.random() * 254) + 1}, 198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
}

export async function register(input: Partial<SignUp>, ip: string = clientIp()): Promise<CallResult<unknown>> {
  return call("registerCandidate", input, undefined, { "x-forwarded-for": ip });
}

/** Sends the verification e-mail (as sendEmailVerification does), opens its link, and signs in afresh. */
export async function verifyEmail(email: string, password: string = SIGN_UP_PASSWORD): Promise<string> {
  const { auth, projectId } = emulatorHosts();
  const { idToken } = await signIn(email, password);
  const sent = await fetch(`http://${auth}/identitytoolkit.googleapis.com/v1/accounts:sendOobCode?key=demo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requestType: "VERIFY_EMAIL", idToken }),
  });
  if (!sent.ok) throw new Error(`sendOobCode for ${email}: ${sent.status} ${await sent.text()}`);
  const codes = (await (await fetch(`http://${auth}/emulator/v1/projects/${projectId}/oobCodes`)).json()) as {
    oobCodes: { email: string; requestType: string; oobLink: string }[];
  };
  const link = codes.oobCodes.filter((c) => c.email === email && c.requestType === "VERIFY_EMAIL").pop();
  if (!link) throw new Error(`no verification link for ${email}`);
  const opened = await fetch(link.oobLink);
  if (!opened.ok) throw new Error(`opening the verification link of ${email}: ${opened.status}`);
  return (await signIn(email, password)).idToken;
}
