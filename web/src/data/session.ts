/**
 * Who is signed in. This module is in the first bundle and holds no Firebase code: it remembers on
 * the device that someone was signed in, so the header and the guards can render at once, and it
 * loads Firebase Auth only when needed (a returning user, or the sign-in and sign-up pages).
 */
import { homeRouteFor, type HomeRoute, type StaffClaims } from "@domain/roles";
import { createStore } from "./store";

export type Session =
  | { readonly status: "loading" }
  | { readonly status: "signedOut" }
  | {
      readonly status: "signedIn";
      readonly uid: string;
      readonly email: string;
      readonly name: string;
      readonly claims: StaffClaims | undefined;
      readonly home: HomeRoute;
    };

const HINT_KEY = "seleksi.session";

interface Hint {
  readonly email: string;
  readonly home: HomeRoute;
}

function readHint(): Hint | undefined {
  try {
    const raw = localStorage.getItem(HINT_KEY);
    return raw ? (JSON.parse(raw) as Hint) : undefined;
  } catch {
    return undefined;
  }
}

export function writeHint(session: Session): void {
  try {
    if (session.status === "signedIn") {
      localStorage.setItem(HINT_KEY, JSON.stringify({ email: session.email, home: session.home } satisfies Hint));
    } else if (session.status === "signedOut") {
      localStorage.removeItem(HINT_KEY);
    }
  } catch {
    // Storage unavailable: the session is still right, only the next first paint is less sure.
  }
}

export const hint = readHint();

const SHARED_KEY = "seleksi.sharedDevice";

/** Remembered from sign-in to sign-out (across reloads): this device is shared, clear it when leaving. */
export function setSharedDevice(shared: boolean): void {
  try {
    if (shared) localStorage.setItem(SHARED_KEY, "1");
    else localStorage.removeItem(SHARED_KEY);
  } catch {
    // Storage unavailable: nothing was cached on the device either.
  }
}

export function isSharedDevice(): boolean {
  try {
    return localStorage.getItem(SHARED_KEY) === "1";
  } catch {
    return false;
  }
}
export const session = createStore<Session>(hint ? { status: "loading" } : { status: "signedOut" });

export function signedInSession(uid: string, email: string, name: string, claims: StaffClaims | undefined): Session {
  return { status: "signedIn", uid, email, name, claims, home: homeRouteFor(claims) };
}

type AuthModule = typeof import("./auth");
let authModule: Promise<AuthModule> | undefined;

/** Loads Firebase Auth once and starts following the signed-in user. */
export function loadAuth(): Promise<AuthModule> {
  authModule ??= import("./auth").then((m) => {
    m.followSession();
    return m;
  });
  return authModule;
}
