/** The Firebase app, created on first use: nothing Firebase is in the first-paint bundle. */
import { getApps, initializeApp, type FirebaseApp } from "firebase/app";

export function firebaseApp(): FirebaseApp {
  return getApps()[0] ?? initializeApp(__FIREBASE_CONFIG__);
}
