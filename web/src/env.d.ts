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
