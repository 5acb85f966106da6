/** The selections of the signed-in official's government, with their stage. */
import type { BrokenSelection, SelectionWithId } from "../../data/live";
import { useT } from "../../i18n/i18n";
import { useLive } from "../../ui/useLive";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";

export function InstansiSelections({ instansiId }: { instansiId: string }) {
  const t = useT();
  const selections = useLive<(SelectionWithId | BrokenSelection)[]>(async () => {
    const { watchInstansiSelections } = await import("../../data/live");
    return (next, fail) => watchInstansiSelections(instansiId, next, fail);
  }, [instansiId]);
  return (
    <>
      <h2>{t("official.selections")}</h2>
      {selections.status === "loading" && <Loading />}
      {selections.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {selections.status === "ready" &&
        (selections.value.length === 0 ? (
          <p>{t("official.noSelections")}</p>
        ) : (
          <ul class="cards">
            {selections.value.map((s) => (
              <li key={s.id} class="card">
                <a class="card__link" href={`/kelola/${s.id}`}>
                  <strong class="card__title">{s.title}</strong>
                  <span class="card__meta">
                    {"broken" in s
                      ? t("setup.corrupt")
                      : `${t("official.posts", { count: s.posts.length })} · ${t(`stage.${s.stage}`)}`}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
