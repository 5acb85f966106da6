import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { listFiltersSearch, parseListFilters, type ListFilters } from "@domain/publication/listing";
import { useT } from "../../i18n/i18n";
import { LoadError } from "../../ui/LoadError";
import { Loading } from "../../ui/Loading";
import { SelectionList } from "./SelectionList";
import { usePublicSelections, type PublicList } from "./usePublicSelections";

type FiltersForm = typeof import("./ListFiltersForm").ListFiltersForm;

export function PublicHome() {
  const t = useT();
  // The form (with the province list) loads after the paint: the list is what a phone shows first.
  const [Form, setForm] = useState<FiltersForm | undefined>(undefined);
  useEffect(() => {
    import("./ListFiltersForm").then(
      (m) => setForm(() => m.ListFiltersForm),
      () => undefined,
    );
  }, []);
  const { query, route } = useLocation();
  const filters = parseListFilters(query);
  const list = usePublicSelections(filters);
  // The filters live in the URL, so a filtered list is a link to share; replace, not push, so Back
  // leaves the list instead of undoing one filter at a time.
  const apply = (next: ListFilters) => route(`/${listFiltersSearch(next)}`, true);
  const filtered = listFiltersSearch(filters) !== "";
  const instansiName =
    filters.instansiId && list.status === "ready"
      ? (list.selections[0]?.instansiName ?? filters.instansiId)
      : filters.instansiId;
  return (
    <section>
      <h1>{t("public.title")}</h1>
      <p class="lead">{t("public.intro")}</p>
      {/* Closed by default: the list does not move when the form arrives. */}
      <details class="filters" open={filtered}>
        <summary>{t("public.filters")}</summary>
        {Form && <Form filters={filters} apply={apply} instansiName={instansiName} />}
      </details>
      {list.status === "loading" && <Loading />}
      {list.status === "error" && <LoadError retry={list.retry} />}
      {list.status === "ready" &&
        (filtered && list.selections.length === 0 ? (
          <p>{t("public.noneFiltered")}</p>
        ) : (
          <SelectionList selections={list.selections} />
        ))}
      <MoreButton list={list} />
    </section>
  );
}

/** "Muat lebih banyak": the next page, one query, appended below; a failed page offers to retry. */
export function MoreButton({ list }: { list: PublicList }) {
  const t = useT();
  if (list.status !== "ready" || !list.more) return null;
  if (list.moreFailed) return <LoadError retry={list.more} />;
  return (
    <p>
      <button type="button" class="button button--secondary" disabled={list.loadingMore} onClick={list.more}>
        {t("public.more")}
      </button>
    </p>
  );
}
