import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath, URL } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { FUNCTIONS_REGION } from "../functions/src/domain/deployment";

interface EmulatorPorts {
  auth: { host: string; port: number };
  firestore: { host: string; port: number };
  functions: { host: string; port: number };
}

// A build talks to a real Firebase project only when given its web config (see README, "Deploy");
// otherwise it is a demo build wired to the local emulators, whose ports come from firebase.json
// (or the file SELEKSI_FIREBASE_JSON names, for emulators started on other ports).
const realConfig = process.env["SELEKSI_FIREBASE_CONFIG"];
const emulators = (
  JSON.parse(
    readFileSync(process.env["SELEKSI_FIREBASE_JSON"] ?? new URL("../firebase.json", import.meta.url), "utf8"),
  ) as { emulators: EmulatorPorts }
).emulators;

const firebaseConfig = realConfig
  ? (JSON.parse(realConfig) as Record<string, string>)
  : {
      apiKey: "demo-api-key",
      authDomain: "demo-seleksi.firebaseapp.com",
      projectId: "demo-seleksi",
      appId: "demo-seleksi",
    };
const emulatorConfig = realConfig
  ? null
  : {
      auth: `http://${emulators.auth.host}:${emulators.auth.port}`,
      firestore: emulators.firestore,
      functions: emulators.functions,
    };

// The page's Content-Security-Policy comes in two parts that the browser applies together: the
// hosting header (firebase.json: scripts, styles, framing, …, the same for every build) and this
// meta tag, which names the only servers this build talks to. One firebase.json thus serves the
// demo build (the emulators on 127.0.0.1) and a real project's build (Firebase's endpoints).
const connectSrc = [
  "'self'",
  ...(emulatorConfig
    ? [
        emulatorConfig.auth,
        `http://${emulatorConfig.firestore.host}:${emulatorConfig.firestore.port}`,
        `http://${emulatorConfig.functions.host}:${emulatorConfig.functions.port}`,
      ]
    : [
        "https://firestore.googleapis.com",
        "https://identitytoolkit.googleapis.com",
        "https://securetoken.googleapis.com",
        `https://${FUNCTIONS_REGION}-${firebaseConfig["projectId"] ?? ""}.cloudfunctions.net`,
        // App Check (only in a build with a site key) exchanges reCAPTCHA Enterprise tokens; the
        // hosting header allows reCAPTCHA's scripts and frame for the same reason.
        ...(process.env["SELEKSI_APP_CHECK_SITE_KEY"]
          ? ["https://content-firebaseappcheck.googleapis.com", "https://www.google.com/recaptcha/"]
          : []),
      ]),
].join(" ");

export default defineConfig({
  resolve: {
    alias: {
      "@domain": fileURLToPath(new URL("../functions/src/domain", import.meta.url)),
      // The Firestore SDK's RE2 serves only pipeline queries, which Seleksi does not run (see the stub).
      re2js: fileURLToPath(new URL("./src/data/re2js-stub.ts", import.meta.url)),
    },
    // The domain (functions/) and the web each install zod at the same pinned version; resolve both
    // to one copy, or a screen that imports zod itself ships it twice.
    dedupe: ["zod"],
  },
  define: {
    __FIREBASE_CONFIG__: JSON.stringify(firebaseConfig),
    __EMULATORS__: JSON.stringify(emulatorConfig),
    // reCAPTCHA Enterprise site key for App Check; empty leaves App Check (and its code) out.
    __APP_CHECK_SITE_KEY__: JSON.stringify(process.env["SELEKSI_APP_CHECK_SITE_KEY"] ?? ""),
  },
  build: {
    manifest: true,
    target: "es2020",
    sourcemap: false,
  },
  plugins: [
    preact(),
    {
      // Which source modules each chunk holds, for the size budget (scripts/size-budget.mjs): it
      // reads them to find the message areas and the Auth a route asks for. Hosting skips .vite/.
      name: "seleksi-chunk-modules",
      generateBundle(_, bundle) {
        const root = fileURLToPath(new URL(".", import.meta.url));
        const modules = Object.fromEntries(
          Object.values(bundle).flatMap((c) =>
            c.type === "chunk" ? [[c.fileName, c.moduleIds.map((id) => relative(root, id))]] : [],
          ),
        );
        this.emitFile({ type: "asset", fileName: ".vite/chunk-modules.json", source: JSON.stringify(modules) });
      },
    },
    {
      name: "seleksi-connect-src",
      transformIndexHtml: (html) =>
        html.replace(
          /<meta charset="UTF-8" \/>/,
          (charset) =>
            `${charset}\n    <meta http-equiv="Content-Security-Policy" content="connect-src ${connectSrc}" />`,
        ),
    },
    VitePWA({
      // Prompt, never silently swap code under a pansel member who is halfway through scoring.
      registerType: "prompt",
      injectRegister: false,
      // Kill switch: a build with SELEKSI_SW=off ships a worker that unregisters itself and
      // clears its caches on every device that still runs an older one.
      selfDestroying: process.env["SELEKSI_SW"] === "off",
      includeAssets: ["icon.svg"],
      manifest: {
        name: "Seleksi — Seleksi Terbuka JPT",
        short_name: "Seleksi",
        description: "Seleksi terbuka Jabatan Pimpinan Tinggi untuk pemerintah daerah",
        lang: "id",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0b4f8a",
        icons: [
          { src: "icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        navigateFallback: "index.html",
        // A missing asset is a 404, never the app's HTML (firebase.json says the same to Hosting).
        navigateFallbackDenylist: [/^\/assets\//],
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // pdf.js (the operators' PDF viewer) loads when a PDF is opened; no candidate's phone precaches it.
        globIgnores: ["**/node_modules/**/*", "**/pdfRender-*.js", "**/pdf.worker*"],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
