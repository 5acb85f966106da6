/**
 * What a document version was rendered from, stored with its record when its number is taken
 * (`documents/{id}/snapshot/input`, read only by functions). Re-rendering from it gives the same
 * bytes, so a retry, the sweep or an audit years later reproduces the SHA-256 on the public record
 * whatever the selection, the instansi or the deployment's address has become since.
 */
import { z } from "zod/mini";
import { instansiDoc } from "../schemas/documents.js";
import { selectionSetup } from "../selection/setup.js";
import type { AnnouncementInput } from "./announcement.js";

export const SNAPSHOT_DOC = "input";

export const announcementSnapshot = z.object({
  instansi: z.pick(instansiDoc, { name: true, shortName: true, agency: true, address: true, website: true }),
  setup: z.pick(selectionSetup, {
    title: true,
    legalBasis: true,
    openTo: true,
    posts: true,
    schedule: true,
    contact: true,
  }),
  selectionId: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  signatory: z.object({ name: z.string(), title: z.string(), nip: z.optional(z.string()) }),
  verifyUrl: z.string(),
  place: z.optional(z.string()),
});

/** The snapshot is exactly the announcement model's input. */
export type AnnouncementSnapshot = z.infer<typeof announcementSnapshot> & AnnouncementInput;
