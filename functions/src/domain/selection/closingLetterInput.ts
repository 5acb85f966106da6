/** What an operator's phone sends to issue a letter after the ranking (./closingLetters.ts). */
import { z } from "zod/mini";
import { requestId } from "./process.js";

export const closingLetterInput = z.object({
  requestId,
  selectionId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "err.input.invalid" })),
});
export type ClosingLetterInput = z.output<typeof closingLetterInput>;
