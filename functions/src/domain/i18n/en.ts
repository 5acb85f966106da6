import type { Catalogue } from "./messages.js";
import { enCore } from "./en/core.js";
import { enDocuments } from "./en/documents.js";
import { enStaff } from "./en/staff.js";

/** English, for users who switch language. Same keys as id.ts, in the same areas. */
export const en: Catalogue = { ...enCore, ...enStaff, ...enDocuments };

export { enCore, enDocuments, enStaff };
