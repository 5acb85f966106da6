/**
 * The stages of an open selection (DOMAIN.md, "Typical stages"), in their usual order. Which stages
 * a selection uses and the legal moves between them are the stage machine's business; this list
 * names them once for labels, queries and rules.
 */
export const STAGES = [
  "persiapan",
  "pendaftaran",
  "seleksiAdministrasi",
  "pengumumanAdministrasi",
  "asesmenManajerial",
  "kompetensiTeknis",
  "wawancara",
  "rekamJejak",
  "pemeringkatan",
  "laporanPpk",
  "rekomendasi",
  "penetapan",
  "pelantikan",
  "selesai",
  "dibatalkan",
] as const;

export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value);
}

/** Stages in which a selection is visible to the public: everything after preparation. */
export function isPublicStage(stage: Stage): boolean {
  return stage !== "persiapan";
}
