// Addresses of the running emulators, from firebase.json (the one place ports are written).

/** Env that points the Admin SDK at the emulators. */
export function emulatorClientEnv(config) {
  return {
    FIRESTORE_EMULATOR_HOST: `${config.firestore.host}:${config.firestore.port}`,
    FIREBASE_AUTH_EMULATOR_HOST: `${config.auth.host}:${config.auth.port}`,
  };
}

/** Polls the emulator hub until Auth, Firestore, Functions and Hosting answer, or `gaveUp()`. */
export async function waitForEmulators(config, gaveUp, timeoutMs = 180_000) {
  const wanted = ["auth", "firestore", "functions", "hosting"];
  const hub = `http://${config.hub.host}:${config.hub.port}/emulators`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error("the emulators stopped before they were ready");
    try {
      const running = await (await fetch(hub)).json();
      if (wanted.every((name) => name in running)) return;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the emulators were not ready after ${timeoutMs / 1000} s`);
}
