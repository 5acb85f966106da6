/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** The Firebase web config, fixed at build time (see vite.config.ts). */
declare const __FIREBASE_CONFIG__: Record<string, string>;
/** Emulator addresses for demo builds; null in a build for a real project. */
declare const __EMULATORS__: null | {
  auth: string;
  firestore: { host: string; port: number };
  functions: { host: string; port: number };
};
/** reCAPTCHA Enterprise site key for App Check; "" when the build has none (demo, emulators). */
declare const __APP_CHECK_SITE_KEY__: string;
