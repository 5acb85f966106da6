/**
 * Pangkat / golongan ruang of civil servants (PP 99/2000 as amended), lowest to highest. The order
 * matters: eligibility asks for a minimum such as "Pembina IV/a".
 */
export const RANKS = [
  { golongan: "III/a", pangkat: "Penata Muda" },
  { golongan: "III/b", pangkat: "Penata Muda Tingkat I" },
  { golongan: "III/c", pangkat: "Penata" },
  { golongan: "III/d", pangkat: "Penata Tingkat I" },
  { golongan: "IV/a", pangkat: "Pembina" },
  { golongan: "IV/b", pangkat: "Pembina Tingkat I" },
  { golongan: "IV/c", pangkat: "Pembina Utama Muda" },
  { golongan: "IV/d", pangkat: "Pembina Utama Madya" },
  { golongan: "IV/e", pangkat: "Pembina Utama" },
] as const;

export type Golongan = (typeof RANKS)[number]["golongan"];
export const GOLONGAN = RANKS.map((r) => r.golongan) as [Golongan, ...Golongan[]];

/** "Pembina Tingkat I, IV/b", as ranks are written in announcements. */
export function rankLabel(golongan: Golongan): string {
  const rank = RANKS.find((r) => r.golongan === golongan);
  return rank ? `${rank.pangkat}, ${golongan}` : golongan;
}

/** Negative when a is below b. */
export function compareGolongan(a: Golongan, b: Golongan): number {
  return GOLONGAN.indexOf(a) - GOLONGAN.indexOf(b);
}
