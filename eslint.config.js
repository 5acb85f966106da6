// Type-checked lint: floating promises are the bug that loses a pansel member's score offline.
import js from "@eslint/js";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";

// The boundaries of the architecture (README, "Folders"), as lint rules; test/lint-boundaries.test.ts
// proves that each of them fires.
const FIREBASE = [
  "firebase",
  "firebase/*",
  "@firebase/*",
  "firebase-admin",
  "firebase-admin/*",
  "firebase-functions",
  "firebase-functions/*",
];
const FIREBASE_IMPORT = "ImportExpression[source.value=/^@?firebase(-admin|-functions)?(\\u002F|$)/]";
const FIREBASE_IN_DOMAIN = "The domain is pure: no Firebase. The shells in functions/src/ and web/src/data/ call it.";
const NODE_IN_DOMAIN = "The domain is pure: no Node module, so the web app can import it. Pass data in as arguments.";
const CLOCK = "The domain has no clock: take the time as an argument (the shell reads it, see src/shell/clock.ts).";
const RANDOM = "The domain has no randomness: take ids as arguments.";
const FIREBASE_IN_SCREENS = "Screens and UI parts reach Firebase only through web/src/data/.";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "functions/lib/**",
      "web/dist/**",
      "web/dev-dist/**",
      ".cache/**",
      "**/*.mjs",
      "**/*.d.mts",
      "eslint.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["functions/src/domain/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({ name, message: NODE_IN_DOMAIN })),
          patterns: [
            { group: FIREBASE, message: FIREBASE_IN_DOMAIN },
            { group: ["node:*"], message: NODE_IN_DOMAIN },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "crypto", message: RANDOM },
        { name: "performance", message: CLOCK },
        { name: "process", message: NODE_IN_DOMAIN },
        { name: "Buffer", message: NODE_IN_DOMAIN },
        { name: "require", message: NODE_IN_DOMAIN },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: CLOCK },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: RANDOM },
        {
          selector:
            "MemberExpression[object.name=/^(globalThis|window|self)$/][property.name=/^(crypto|performance|Date|process)$/]",
          message: CLOCK,
        },
        { selector: FIREBASE_IMPORT, message: FIREBASE_IN_DOMAIN },
        { selector: "ImportExpression[source.value=/^node:/]", message: NODE_IN_DOMAIN },
      ],
    },
  },
  {
    files: ["web/src/screens/**/*.{ts,tsx}", "web/src/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: FIREBASE, message: FIREBASE_IN_SCREENS }] }],
      "no-restricted-syntax": ["error", { selector: FIREBASE_IMPORT, message: FIREBASE_IN_SCREENS }],
    },
  },
  {
    files: ["test/**/*.ts", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
    },
  },
);
