/**
 * The "open to" sentence printed in the announcement and on the selection page. The operator's own
 * words win (an announcement often names its circle in a way the rule cannot, "PNS di lingkungan
 * Pemerintah Provinsi Banten dan kabupaten/kota se-Provinsi Banten"); when they leave it empty, the
 * sentence is generated from the rule, so a setup needs only the rule and the two cannot disagree by
 * omission. Fits "Seleksi ini terbuka bagi {openTo}" and "Terbuka untuk: {who}".
 */
import type { Translate } from "../i18n/render.js";
import type { OpenToRule } from "./openTo.js";

export function openToSentence(t: Translate, text: string, rule: OpenToRule | null): string {
  if (text.trim() !== "" || !rule) return text.trim();
  const who =
    rule.scope === "instansi"
      ? t("openTo.text.instansi", { instansi: rule.instansiName })
      : rule.scope === "province"
        ? t("openTo.text.province", { province: rule.province })
        : t("openTo.text.national");
  const conditions = rule.conditions.filter((c) => c.trim() !== "");
  return conditions.length === 0 ? who : t("openTo.text.conditions", { who, conditions: conditions.join("; ") });
}
