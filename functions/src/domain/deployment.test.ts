import { describe, expect, it } from "vitest";
import { publicUrlIssue } from "./deployment.js";

describe("publicUrlIssue", () => {
  it.each([
    "https://seleksi.metrokota.go.id",
    "https://seleksi.example.go.id/",
    "https://seleksi-demo.web.app",
    "https://10.20.30.40:8443/seleksi",
  ])("accepts %s in a real deployment", (url) => {
    expect(publicUrlIssue(url, false)).toBeUndefined();
  });

  it.each([
    "http://127.0.0.1:5100",
    "https://127.0.0.1",
    "https://127.1.2.3:5100",
    "https://localhost:5100",
    "https://app.localhost",
    "https://[::1]:5100",
    "https://0.0.0.0",
    "http://seleksi.metrokota.go.id", // plain http: a QR code must not lead to an address anyone can intercept
    "",
    "seleksi.metrokota.go.id",
    "https://",
    "https://seleksi.example.go.id?x=1",
  ])("refuses %j outside the emulators, naming the value", (url) => {
    expect(publicUrlIssue(url, false)).toEqual({ code: "err.deploy.publicUrl", params: { value: url || "—" } });
  });

  it("accepts loopback on the emulators, where the hosting emulator serves the app", () => {
    expect(publicUrlIssue("http://127.0.0.1:5100", true)).toBeUndefined();
  });

  it("still refuses what is not an address on the emulators", () => {
    expect(publicUrlIssue("not a url", true)?.code).toBe("err.deploy.publicUrl");
  });
});
