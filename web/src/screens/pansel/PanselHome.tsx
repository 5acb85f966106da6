/** A pansel member's home: the selections they sit on, and the way to score those in a scoring stage. */
import { SCORING_STAGES } from "@domain/selection/stageMachine";
import type { BrokenSelection, SelectionWithId } from "../../data/live";
import { useT } from "../../i18n/i18n";
import type { SignedIn } from "../../ui/RequireSession";
import { useLive } from "../../ui/useLive";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";

export function PanselHome({ session }: { session: SignedIn }) {
  const t = useT();
  const selections = useLive<(SelectionWithId | BrokenSelection)[]>(async () => {
    const { watchPanselSelections } = await import("../../data/live");
    return (next, fail) => watchPanselSelections(session.uid, next, fail);
  }, [session.uid]);
  return (
    <section>
      <h1>{t("pansel.title")}</h1>
      <h2>{t("pansel.assigned")}</h2>
      {selections.status === "loading" && <Loading />}
      {selections.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {selections.status === "ready" &&
        (selections.value.length === 0 ? (
          <p>{t("official.noSelections")}</p>
        ) : (
          <ul class="cards">
            {selections.value.map((s) => (
              <li key={s.id} class="card">
                {"broken" in s ? (
                  // Listed, not hidden: the member tells the operator, who repairs it in the setup.
                  <span class="card__link" data-testid="broken-selection">
                    <strong class="card__title">{s.title}</strong>
                    <span class="card__meta">{t("setup.corrupt")}</span>
                  </span>
                ) : (
                  <a class="card__link" href={`/seleksi/${s.id}`}>
                    <span class="card__eyebrow">{s.instansiName}</span>
                    <strong class="card__title">{s.title}</strong>
                    <span class="card__meta">{t(`stage.${s.stage}`)}</span>
                  </a>
                )}
                {!("broken" in s) && SCORING_STAGES.includes(s.stage) && (
                  <p class="card__actions">
                    <a class="button" href={`/pansel/${s.id}/nilai`} data-testid={`score-${s.id}`}>
                      {t("pansel.score")}
                    </a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
