/**
 * Sign-up policy as data: how long an unverified NIP reservation holds, how often anyone may try,
 * which privacy notice a candidate agrees to, and how long each kind of personal data is kept.
 * Pure: times come in as epoch milliseconds.
 */

/** An unverified account holds its NIP this long; then anyone may take the NIP (or the sweep frees it). */
export const PENDING_RESERVATION_HOURS = 72;
export const PENDING_RESERVATION_MS = PENDING_RESERVATION_HOURS * 60 * 60 * 1000;

/**
 * Fixed windows. Per NIP: a civil servant retrying a typo fits, someone cycling e-mails over one NIP
 * does not. Per client (hashed address): an office behind one NAT signing up its staff fits.
 */
export const SIGN_UP_LIMITS = {
  nip: { max: 5, windowMinutes: 60 },
  client: { max: 30, windowMinutes: 60 },
} as const;
export type RateLimitScope = keyof typeof SIGN_UP_LIMITS;

/** The privacy notice shown at sign-up (catalogue `privacy.*`); a new text is a new version. */
export const PRIVACY_NOTICE_VERSION = "2026-12-01";

export type ReservationStatus = "pending" | "confirmed";
export interface Reservation {
  readonly uid: string;
  readonly status: ReservationStatus;
  /** Epoch ms; meaningful while pending. */
  readonly expiresAt: number;
}

export type ReservationState = "free" | "held" | "expired";

/** Whether a new sign-up may take the NIP: free, still held by someone, or a lapsed pending hold. */
export function reservationState(reservation: Reservation | undefined, now: number): ReservationState {
  if (!reservation) return "free";
  if (reservation.status === "confirmed") return "held";
  return reservation.expiresAt <= now ? "expired" : "held";
}

export function pendingUntil(now: number): number {
  return now + PENDING_RESERVATION_MS;
}

/** The start of the fixed window `now` falls in, which names the counter. */
export function rateWindowStart(scope: RateLimitScope, now: number): number {
  const size = SIGN_UP_LIMITS[scope].windowMinutes * 60 * 1000;
  return Math.floor(now / size) * size;
}

export function rateWindowEnd(scope: RateLimitScope, now: number): number {
  return rateWindowStart(scope, now) + SIGN_UP_LIMITS[scope].windowMinutes * 60 * 1000;
}

/** True when one more attempt stays within the limit. */
export function withinLimit(scope: RateLimitScope, countSoFar: number): boolean {
  return countSoFar < SIGN_UP_LIMITS[scope].max;
}

/** What a signed-in, verified candidate learns about their NIP (the `confirmNip` answer). */
export type NipClaim = "confirmed" | "taken";

/** A disputed NIP is decided by the BKPSDM that checked the SK or KTP. */
export const DISPUTE_DECISIONS = ["release", "transfer", "reject"] as const;
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number];
export type DisputeStatus = "open" | "released" | "transferred" | "rejected";
export const DISPUTE_STATUS_AFTER: Record<DisputeDecision, DisputeStatus> = {
  release: "released",
  transfer: "transferred",
  reject: "rejected",
};

/**
 * Retention schedule (UU 27/2022 art. 43-44: data is erased when its purpose is met or on the
 * subject's request, unless another law requires keeping it). Applications of finished selections are
 * kept as the selection's archive (UU 43/2009 on archives; the committee's records are audit evidence),
 * so deleting an account keeps them, with the name and NIP, and drops everything else.
 */
export const RETENTION = [
  { data: "profile", keep: "untilDeleted", onAccountDeletion: "delete" },
  { data: "nipReservation", keep: "untilDeleted", onAccountDeletion: "delete" },
  { data: "unverifiedAccount", keep: `${PENDING_RESERVATION_HOURS}h`, onAccountDeletion: "delete" },
  { data: "signUpRateCounters", keep: "1 window", onAccountDeletion: "none (hashed, no identity)" },
  { data: "nipDispute", keep: "5y", onAccountDeletion: "keep (audit of an official decision)" },
  { data: "applicationOfFinishedSelection", keep: "archive", onAccountDeletion: "keep" },
  { data: "applicationOfRunningSelection", keep: "untilDeleted", onAccountDeletion: "delete" },
] as const;
