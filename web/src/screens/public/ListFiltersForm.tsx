/** The public list's filters: province (or the government chosen on a card), level, closing soon. */
import { LIST_LEVELS, listFiltersSearch, type ListFilters } from "@domain/publication/listing";
import { PROVINCES } from "@domain/publication/provinces";
import { useT } from "../../i18n/i18n";

export function ListFiltersForm({
  filters,
  apply,
  instansiName,
}: {
  filters: ListFilters;
  apply: (next: ListFilters) => void;
  instansiName: string | undefined;
}) {
  const t = useT();
  const provinces =
    filters.province && !PROVINCES.some((p) => p === filters.province) ? [...PROVINCES, filters.province] : PROVINCES;
  return (
    <fieldset class="group">
      {filters.instansiId ? (
        <p class="filters__chip">
          <span data-testid="filter-instansi">{t("public.filter.instansi", { instansi: instansiName ?? "" })}</span>{" "}
          <a href={`/${listFiltersSearch({ ...filters, instansiId: undefined })}`}>{t("public.filter.clear")}</a>
        </p>
      ) : (
        <label class="field">
          {t("public.filter.province")}
          <select
            id="filter-province"
            value={filters.province ?? ""}
            onChange={(e) => apply({ ...filters, province: e.currentTarget.value || undefined })}
          >
            <option value="">{t("public.filter.any")}</option>
            {provinces.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="field">
        {t("public.filter.level")}
        <select
          id="filter-level"
          value={filters.level ?? ""}
          onChange={(e) => apply({ ...filters, level: LIST_LEVELS.find((l) => l === e.currentTarget.value) })}
        >
          <option value="">{t("public.filter.any")}</option>
          {LIST_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          id="filter-closing"
          type="checkbox"
          checked={filters.closingSoon === true}
          onChange={(e) => apply({ ...filters, closingSoon: e.currentTarget.checked || undefined })}
        />
        <span>{t("public.filter.closingSoon")}</span>
      </label>
      {listFiltersSearch(filters) !== "" && (
        <a href="/" class="filters__clear">
          {t("public.filter.clear")}
        </a>
      )}
    </fieldset>
  );
}
