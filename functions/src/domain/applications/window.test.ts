import { describe, expect, it } from "vitest";
import { endOfDayMs, registrationClosesAtMs, registrationOpen } from "./window.js";

describe("registration window", () => {
  it("closes at midnight after the last day in the government's zone", () => {
    // Kota Metro (WIB, UTC+7): 4 October 2021 ends at 2021-10-04T17:00Z.
    expect(endOfDayMs("2021-10-04", "Asia/Jakarta")).toBe(Date.parse("2021-10-04T17:00:00Z"));
    expect(endOfDayMs("2021-10-04", "Asia/Makassar")).toBe(Date.parse("2021-10-04T16:00:00Z"));
    expect(endOfDayMs("2021-12-31", "Asia/Jayapura")).toBe(Date.parse("2021-12-31T15:00:00Z"));
    expect(endOfDayMs("2021-02-30", "Asia/Jakarta")).toBeNull();
  });

  it("is open up to the last millisecond of the day and only in the registration stage", () => {
    const closes = registrationClosesAtMs({ pendaftaran: { end: "2021-10-04" } }, "Asia/Jakarta");
    expect(registrationOpen("pendaftaran", closes, Date.parse("2021-10-04T16:59:59.999Z"))).toBe(true);
    expect(registrationOpen("pendaftaran", closes, Date.parse("2021-10-04T17:00:00Z"))).toBe(false);
    expect(registrationOpen("seleksiAdministrasi", closes, Date.parse("2021-10-01T00:00:00Z"))).toBe(false);
    expect(registrationOpen("pendaftaran", registrationClosesAtMs({}, "Asia/Jakarta"), 0)).toBe(false);
  });
});
