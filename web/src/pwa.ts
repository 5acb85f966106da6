/**
 * The service worker: registered after the first paint, and it never takes over on its own. When a
 * new version is waiting, the user is asked; a pansel member halfway through scoring says "later".
 */
import { createStore } from "./data/store";

export const updateAvailable = createStore(false);
let update: ((reload?: boolean) => Promise<void>) | undefined;

export async function registerServiceWorker(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const { registerSW } = await import("virtual:pwa-register");
  update = registerSW({
    onNeedRefresh: () => updateAvailable.set(true),
  });
}

export async function applyUpdate(): Promise<void> {
  updateAvailable.set(false);
  await update?.(true);
}

export function dismissUpdate(): void {
  updateAvailable.set(false);
}
