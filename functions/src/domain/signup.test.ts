import { describe, expect, it } from "vitest";
import {
  PENDING_RESERVATION_MS,
  pendingUntil,
  rateWindowEnd,
  rateWindowStart,
  reservationState,
  SIGN_UP_LIMITS,
  withinLimit,
} from "./signup.js";

const NOW = Date.UTC(2026, 11, 1, 10, 30);

describe("reservationState", () => {
  it("is free without a reservation", () => {
    expect(reservationState(undefined, NOW)).toBe("free");
  });
  it("holds a confirmed reservation however old", () => {
    expect(reservationState({ uid: "a", status: "confirmed", expiresAt: 0 }, NOW)).toBe("held");
  });
  it("holds a pending reservation until its deadline, then lets it lapse", () => {
    const pending = { uid: "a", status: "pending" as const, expiresAt: pendingUntil(NOW) };
    expect(reservationState(pending, NOW + PENDING_RESERVATION_MS - 1)).toBe("held");
    expect(reservationState(pending, NOW + PENDING_RESERVATION_MS)).toBe("expired");
  });
});

describe("rate windows", () => {
  it("puts every moment of an hour in one window, and the next hour in the next", () => {
    const start = rateWindowStart("nip", NOW);
    expect(start).toBe(Date.UTC(2026, 11, 1, 10, 0));
    expect(rateWindowStart("nip", rateWindowEnd("nip", NOW) - 1)).toBe(start);
    expect(rateWindowStart("nip", rateWindowEnd("nip", NOW))).toBe(rateWindowEnd("nip", NOW));
  });
  it("allows exactly max attempts", () => {
    expect(withinLimit("nip", SIGN_UP_LIMITS.nip.max - 1)).toBe(true);
    expect(withinLimit("nip", SIGN_UP_LIMITS.nip.max)).toBe(false);
  });
});
