/** The Firebase app, created on first use: nothing Firebase is in the first-paint bundle. */
import { getApps, initializeApp, type FirebaseApp } from "firebase/app";

export function firebaseApp(): FirebaseApp {
  return getApps()[0] ?? initializeApp(__FIREBASE_CONFIG__);
}

let appCheck: Promise<void> | undefined;

/**
 * App Check, when the build has a site key (README, "Deploy"): loaded on first use of the functions,
 * never in the first paint; without a key the branch and its import drop out of the bundle.
 */
export function appCheckReady(): Promise<void> {
  if (!__APP_CHECK_SITE_KEY__) return Promise.resolve();
  appCheck ??= import("firebase/app-check").then(({ initializeAppCheck, ReCaptchaEnterpriseProvider }) => {
    initializeAppCheck(firebaseApp(), {
      provider: new ReCaptchaEnterpriseProvider(__APP_CHECK_SITE_KEY__),
      isTokenAutoRefreshEnabled: true,
    });
  });
  return appCheck;
}
