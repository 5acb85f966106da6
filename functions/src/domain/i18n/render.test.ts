import { describe, it, expect } from "vitest";
import { message, renderIssue, renderIssueWith } from "./render.js";
import { fillTemplate, type MessageKey } from "./messages.js";
import type { IssueParams } from "../issue.js";
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

describe("renderIssueWith: the renderer the web uses with the areas it has loaded", () => {
  const only =
    (messages: Partial<Record<MessageKey, string>>) =>
    (key: MessageKey, params?: IssueParams): string =>
      fillTemplate(messages[key] ?? key, params);

  it("reads stage and level params as their names, as renderIssue does", () => {
    const issue = {
      code: "err.setup.maxAgeAboveLimit",
      params: { value: 60, limit: 56, level: "jptPratama", cite: "PermenPANRB 15/2019" },
    } as const;
    expect(renderIssueWith(only(id), issue)).toBe(renderIssue("id", issue));
    expect(renderIssueWith(only(id), issue)).toContain("JPT Pratama");
    const stale = { code: "err.stage.illegal", params: { from: "persiapan", to: "seleksiAdministrasi" } } as const;
    expect(renderIssueWith(only(en), stale)).toBe(renderIssue("en", stale));
    expect(renderIssue("id", stale)).toContain(id["stage.seleksiAdministrasi"]);
  });

  it("shows a key whose area is not loaded as itself, never a blank", () => {
    expect(renderIssueWith(only({}), { code: "err.stage.notPending" })).toBe("err.stage.notPending");
  });
});

describe("texts the functions store in records", () => {
  it("come from the catalogue in both languages", () => {
    expect(message("id", "doc.record.copyTitle", { title: "Seleksi JPT 2021" })).toBe("Seleksi JPT 2021 (salinan)");
    expect(message("id", "doc.record.copiedFrom", { selection: "metro-2021-jpt" })).toBe("Disalin dari metro-2021-jpt");
    expect(message("en", "doc.record.copiedFrom", { selection: "metro-2021-jpt" })).toBe("Copied from metro-2021-jpt");
    expect(message("id", "doc.signatory.ketua", { instansi: "Kota Metro" })).toBe(
      "Ketua Panitia Seleksi\nJabatan Pimpinan Tinggi Pratama Kota Metro",
    );
  });
});
