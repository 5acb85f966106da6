/**
 * Bahasa Indonesia: the default language of Seleksi. Every user-facing sentence lives in this
 * catalogue (and its twin in en.ts); components and functions refer to keys. `{name}` marks a value
 * filled in by formatMessage.
 *
 * The catalogue is kept in areas so that a phone downloads only what its screens say: ./id/core.ts
 * ships with the first paint, ./id/candidate.ts loads with the candidate's profile and application
 * screens, ./id/staff.ts loads with the officials' and pansel's screens, ./id/setup.ts with the setup
 * wizard alone, ./id/scoring.ts with the scoring screens, and
 * ./id/documents.ts is read only by the functions that print documents. This file is all of them,
 * for the functions and the tests.
 */
import { idCore } from "./id/core.js";
import { idCandidate } from "./id/candidate.js";
import { idDocuments } from "./id/documents.js";
import { idScoring } from "./id/scoring.js";
import { idSetup } from "./id/setup.js";
import { idStaff } from "./id/staff.js";

// Marked pure so that a bundle importing only the renderer (the web's) leaves the catalogues out.
// Nested because TypeScript types Object.assign with three sources at most: more would make every key `any`.
export const id = /* @__PURE__ */ Object.assign(
  {},
  idCore,
  idCandidate,
  /* @__PURE__ */ Object.assign({}, idStaff, idSetup, /* @__PURE__ */ Object.assign({}, idScoring, idDocuments)),
);

export { idCandidate, idCore, idDocuments, idScoring, idSetup, idStaff };
