import type { Catalogue } from "./messages.js";
import { enCore } from "./en/core.js";
import { enCandidate } from "./en/candidate.js";
import { enDocuments } from "./en/documents.js";
import { enScoring } from "./en/scoring.js";
import { enSetup } from "./en/setup.js";
import { enStaff } from "./en/staff.js";

/** English, for users who switch language. Same keys as id.ts, in the same areas. */
// Marked pure so that a bundle importing only the renderer (the web's) leaves the catalogues out.
// Nested because TypeScript types Object.assign with three sources at most: more would make every key `any`.
export const en: Catalogue = /* @__PURE__ */ Object.assign(
  {},
  enCore,
  enCandidate,
  /* @__PURE__ */ Object.assign({}, enStaff, enSetup, /* @__PURE__ */ Object.assign({}, enScoring, enDocuments)),
);

export { enCandidate, enCore, enDocuments, enScoring, enSetup, enStaff };
