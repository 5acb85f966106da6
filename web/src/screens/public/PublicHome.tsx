import { useT } from "../../i18n/i18n";
import { LoadError } from "../../ui/LoadError";
import { Loading } from "../../ui/Loading";
import { SelectionList } from "./SelectionList";
import { usePublicSelections } from "./usePublicSelections";

export function PublicHome() {
  const t = useT();
  const list = usePublicSelections();
  return (
    <section>
      <h1>{t("public.title")}</h1>
      <p class="lead">{t("public.intro")}</p>
      {list.status === "loading" && <Loading />}
      {list.status === "error" && <LoadError retry={list.retry} />}
      {list.status === "ready" && <SelectionList selections={list.selections} />}
    </section>
  );
}
