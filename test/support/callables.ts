/**
 * Calls callables and signs in the way the web client does, over the emulators' HTTP APIs, so the
 * function tests exercise the same protocol (auth header, {data} body, typed error) as a phone.
 */
import { FUNCTIONS_REGION } from "../../functions/src/domain/deployment.js";
import type { Issue } from "../../functions/src/domain/issue.js";
import { emulatorHosts, emulatorUrl } from "./emulators.js";

export type CallResult<T> =
  | { ok: true; result: T }
  | { ok: false; status: string; message: string; issues: Issue[]; details?: Record<string, unknown> };

/** `headers` stands in for what a proxy adds, e.g. X-Forwarded-For to call from another client. */
export async function call<T = unknown>(
  name: string,
  data: unknown,
  idToken?: string,
  headers: Record<string, string> = {},
): Promise<CallResult<T>> {
  const base = await emulatorUrl("functions");
  const response = await fetch(`${base}/${emulatorHosts().projectId}/${FUNCTIONS_REGION}/${name}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...headers,
      ...(idToken ? { authorization: `Bearer ${idToken}` } : {}),
    },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as {
    result?: T;
    error?: { status: string; message: string; details?: { issues?: Issue[] } & Record<string, unknown> };
  };
  if (body.error) {
    return {
      ok: false,
      status: body.error.status,
      message: body.error.message,
      issues: body.error.details?.issues ?? [],
      ...(body.error.details ? { details: body.error.details } : {}),
    };
  }
  return { ok: true, result: body.result as T };
}

/** Signs in against the Auth emulator and returns a fresh ID token (with current claims). */
export async function signIn(email: string, password: string): Promise<{ uid: string; idToken: string }> {
  const url = `http://${emulatorHosts().auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo`;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await response.json()) as { localId?: string; idToken?: string; error?: { message: string } };
  if (!body.idToken || !body.localId) throw new Error(`sign-in of ${email} failed: ${body.error?.message}`);
  return { uid: body.localId, idToken: body.idToken };
}

/** A unique suffix so tests sharing the functions' project never collide. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}
