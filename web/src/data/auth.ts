/** Firebase Auth, loaded lazily by session.ts. */
import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  onIdTokenChanged,
  reload,
  sendEmailVerification,
  signInWithEmailAndPassword,
  signOut as firebaseSignOut,
  type Auth,
  type User,
} from "firebase/auth";
import { staffClaimsOf } from "@domain/roles";
import type { Issue } from "@domain/issue";
import { firebaseApp } from "./app";
import { isSharedDevice, session, setSharedDevice, signedInSession, writeHint } from "./session";

let instance: Auth | undefined;

export function auth(): Auth {
  if (!instance) {
    // initializeAuth without the popup/redirect resolver: email and password only, a smaller bundle.
    instance = initializeAuth(firebaseApp(), { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
    if (__EMULATORS__) connectAuthEmulator(instance, __EMULATORS__.auth, { disableWarnings: true });
  }
  return instance;
}

let stopTokenWatch: (() => void) | undefined;
// Token changes can overlap (sign-in, then a forced refresh); only the newest one may publish.
let generation = 0;

export function followSession(): void {
  onIdTokenChanged(auth(), (user) => {
    void publish(user);
  });
}

async function publish(user: User | null): Promise<void> {
  const mine = ++generation;
  stopTokenWatch?.();
  stopTokenWatch = undefined;
  if (!user) {
    session.set({ status: "signedOut" });
    writeHint(session.get());
    return;
  }
  const token = await user.getIdTokenResult();
  if (mine !== generation) return;
  const next = signedInSession(user.uid, user.email ?? "", user.displayName ?? "", staffClaimsOf(token.claims));
  session.set(next);
  writeHint(next);
  const { watchTokenRefresh } = await import("./live");
  if (mine !== generation) return;
  stopTokenWatch = watchTokenRefresh(user.uid, () => {
    void user.getIdToken(true);
  });
}

export async function signIn(email: string, password: string, sharedDevice = false): Promise<void> {
  setSharedDevice(sharedDevice);
  const credential = await signInWithEmailAndPassword(auth(), email.trim().toLowerCase(), password);
  await new Promise<void>((resolve) => {
    const ready = () => {
      const current = session.get();
      if (current.status === "signedIn" && current.uid === credential.user.uid) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = session.subscribe(ready);
    ready();
  });
}

/** Whether the signed-in user's e-mail is verified, asking the server (the link may have been opened elsewhere). */
export async function emailVerified(): Promise<boolean> {
  const user = auth().currentUser;
  if (!user) return false;
  await reload(user);
  // A fresh token carries email_verified, which confirmNip and the rules read.
  if (user.emailVerified) await user.getIdToken(true);
  return user.emailVerified;
}

export async function sendVerification(): Promise<void> {
  const user = auth().currentUser;
  if (user && !user.emailVerified) await sendEmailVerification(user);
}

export async function signOut(): Promise<void> {
  await firebaseSignOut(auth());
  if (isSharedDevice()) {
    const { clearOfflineCache } = await import("./live");
    await clearOfflineCache();
    // A profile waiting to be sent (profileOutbox.ts) is personal data too; unsent, it is given up.
    try {
      for (const key of Object.keys(localStorage))
        if (key.startsWith("seleksi.profileOutbox.")) localStorage.removeItem(key);
    } catch {
      // Storage blocked: nothing was stored there either.
    }
    setSharedDevice(false);
  }
}

/** Firebase Auth error codes, as the catalogue's words. */
export function authIssue(error: unknown): Issue {
  const code = (error as { code?: string }).code ?? "";
  if (code === "auth/invalid-credential" || code === "auth/wrong-password" || code === "auth/user-not-found") {
    return { code: "err.signIn.wrong" };
  }
  if (code === "auth/invalid-email") return { code: "err.email.invalid", field: "email" };
  if (code === "auth/too-many-requests") return { code: "err.signIn.tooMany" };
  if (code === "auth/network-request-failed") return { code: "err.network" };
  return { code: "err.unknown" };
}
