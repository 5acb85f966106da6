/** files/{fileId}: the metadata of a file stored in Firestore chunks (../../files/chunks.ts). */
import { z } from "zod/mini";

export const storedFileDoc = z.object({
  instansiId: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.int().check(z.gte(0)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  chunkCount: z.int().check(z.gte(0)),
  chunkSize: z.int().check(z.gte(1)),
  complete: z.boolean(),
  ownerUid: z.optional(z.string()),
  // A private file belongs to one selection: its rules let that selection's staff and pansel read it.
  selectionId: z.optional(z.string()),
  extra: z.optional(z.record(z.string(), z.unknown())),
});
export type StoredFileDoc = z.infer<typeof storedFileDoc>;
