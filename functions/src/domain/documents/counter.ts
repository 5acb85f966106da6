/**
 * `instansi/{id}/counters/{year}`: the next sequence number of the government's documents that year
 * (numbering.ts). Parsed, not cast: a damaged counter must stop issuing with a clear error rather
 * than print "NaN" or reuse a number.
 */
import { z } from "zod/mini";

export const documentCounter = z.object({
  next: z.int().check(z.gte(1)),
  updatedAt: z.optional(z.string()),
});
export type DocumentCounter = z.infer<typeof documentCounter>;

/** The sequence the next document takes: 1 for a year without a counter yet. */
export function nextSequence(counter: DocumentCounter | undefined): number {
  return counter?.next ?? 1;
}
