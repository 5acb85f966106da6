import { describe, it, expect } from "vitest";
import { message, renderIssue } from "./render.js";
import { en } from "./en.js";
import { id } from "./id.js";

describe("message", () => {
  it("reads the catalogue of the locale", () => {
    expect(message("id", "nav.signIn")).toBe(id["nav.signIn"]);
    expect(message("en", "nav.signIn")).toBe(en["nav.signIn"]);
    expect(message("id", "nav.signIn")).not.toBe(message("en", "nav.signIn"));
  });

  it("fills params", () => {
    expect(message("id", "public.posts", { count: 5 })).toBe("5 jabatan lowong");
  });
});

describe("renderIssue", () => {
  it("renders an issue with params in Indonesian and English", () => {
    const issue = { code: "err.nip.length", params: { count: 17 }, field: "nip" } as const;
    expect(renderIssue("id", issue)).toBe("NIP harus 18 digit; yang Anda isi 17 digit.");
    expect(renderIssue("en", issue)).toBe("A NIP has 18 digits; you typed 17.");
  });

  it("renders an issue without params", () => {
    expect(renderIssue("id", { code: "err.nip.empty" })).toBe("NIP wajib diisi.");
    expect(renderIssue("en", { code: "err.nip.empty" })).toBe("NIP is required.");
  });

  it("renders the adult date of a too-early service start", () => {
    const issue = {
      code: "err.nip.serviceBeforeAdult",
      params: { value: "199803", adult: "1998-03-20" },
    } as const;
    expect(renderIssue("id", issue)).toBe(
      "TMT CPNS dalam NIP (199803) lebih awal dari usia 18 tahun (baru tercapai 1998-03-20).",
    );
    expect(renderIssue("en", issue)).toContain("199803");
    expect(renderIssue("en", issue)).toContain("1998-03-20");
  });

  it("leaves a missing param visible instead of dropping it", () => {
    expect(renderIssue("id", { code: "err.role.invalid" })).toBe("Peran tidak dikenal: {value}.");
  });

  it("ignores the field when rendering", () => {
    expect(renderIssue("en", { code: "err.email.invalid", field: "email" })).toBe(en["err.email.invalid"]);
  });
});
