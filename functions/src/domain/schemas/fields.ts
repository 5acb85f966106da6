/**
 * Field schemas shared by forms, callables and converters. Their error messages are catalogue keys
 * (see ../issue.ts), so the same failed check reads the same in the form and in the function's reply.
 *
 * Written with zod/mini: the same checks as classic zod, but tree-shakable, which keeps a signed-in
 * screen within its download budget on a cheap phone.
 */
import { z } from "zod/mini";
import { parseNip } from "../nip.js";
import type { CalendarDate } from "../calendar.js";

export const NAME_MIN = 3;
export const NAME_MAX = 120;
export const PASSWORD_MIN = 8;

export const personName = z
  .string()
  .check(
    z.trim(),
    z.minLength(NAME_MIN, { error: "err.name.short" }),
    z.maxLength(NAME_MAX, { error: "err.name.long" }),
  );

export const email = z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email({ error: "err.email.invalid" }));

/** Firebase Auth only asks for 6 characters; accounts that decide careers deserve more. */
export const password = z.string().check(
  z.minLength(PASSWORD_MIN, { error: "err.password.short" }),
  z.refine((p: string) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), { error: "err.password.weak" }),
);

/** A NIP as typed (separators allowed), output as its 18 digits. */
export function nipField(today?: CalendarDate) {
  return z.pipe(
    z.string(),
    z.transform((raw: string, ctx) => {
      const parsed = parseNip(raw, today);
      if (!parsed.ok) {
        ctx.issues.push({ code: "custom", message: parsed.issue.code, params: parsed.issue.params, input: raw });
        return z.NEVER;
      }
      return parsed.nip.value;
    }),
  );
}

/** Tenant ids are slugs ("kota-metro"): they appear in URLs and in claims. */
export const instansiId = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "err.input.invalid" }),
    z.maxLength(60, { error: "err.input.invalid" }),
  );
