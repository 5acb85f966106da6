/**
 * profiles/{uid} of a demo candidate: the profile in the shape the edit screen saves
 * (schemas/profile.ts, `candidateProfile`, at top level) plus what sign-up and the NIP confirmation
 * write (schemas/documents.ts, `profileDoc`): the NIP-derived birth date, service start and sex, the
 * confirmed NIP and the consent to the privacy notice. `originInstansi` is the sign-up's name for the
 * government served now; the profile calls it `currentInstansi` and both are kept equal.
 */
import { toIsoDate, type CalendarDate } from "../functions/src/domain/calendar.js";
import { parseNip } from "../functions/src/domain/nip.js";
import type { ProfileDoc } from "../functions/src/domain/schemas/documents.js";
import type { CandidateProfile } from "../functions/src/domain/schemas/profile.js";
import { PRIVACY_NOTICE_VERSION } from "../functions/src/domain/signup.js";
import { parsedProfile } from "./applications.js";
import type { DemoCandidate } from "./metro2021.js";

export type StoredDemoProfile = CandidateProfile & ProfileDoc;

/** Throws when the demo data is broken (a NIP that does not parse, a profile that does not): the seed must not write it. */
export function storedProfile(c: DemoCandidate, today: CalendarDate): StoredDemoProfile {
  const nip = parseNip(c.nip, today);
  if (!nip.ok) throw new Error(`demo NIP ${c.nip} of ${c.name} is invalid: ${nip.issue.code}`);
  const profile = parsedProfile(c, today);
  return {
    ...profile,
    birthDate: nip.nip.birthDate,
    serviceStart: nip.nip.serviceStart,
    sex: nip.nip.sex,
    originInstansi: c.originInstansi,
    nipStatus: "confirmed",
    // Accepted with the notice in force on the day the demo is seeded.
    consent: { version: PRIVACY_NOTICE_VERSION, at: new Date(`${toIsoDate(today)}T08:00:00+07:00`).toISOString() },
  };
}
