/** Announced selections as cards; shared by the public home and the candidate home. */
import type { ComponentChildren } from "preact";
import type { PublicSelection } from "../../data/publicData";
import { useT } from "../../i18n/i18n";

export function SelectionList({
  selections,
  extra,
}: {
  selections: readonly PublicSelection[];
  /** More lines on a card (the candidate's: open to them, days left). */
  extra?: (s: PublicSelection) => ComponentChildren;
}) {
  const t = useT();
  if (selections.length === 0) return <p>{t("public.none")}</p>;
  return (
    <ul class="cards">
      {selections.map((s) => (
        <li key={s.id} class="card" data-testid="selection-card">
          <a href={`/seleksi/${s.id}`} class="card__link">
            <span class="card__eyebrow">{s.instansiName}</span>
            <strong class="card__title">{s.title}</strong>
            <span class="card__meta">
              {t("public.posts", { count: s.posts.length })} · {t("public.stage", { stage: t(`stage.${s.stage}`) })}
            </span>
            {extra?.(s)}
          </a>
        </li>
      ))}
    </ul>
  );
}
