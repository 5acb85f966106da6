/** How complete a profile is: the percent, and each missing section as a link to where it is filled. */
import type { Completeness } from "@domain/schemas/profile";
import { useT } from "../../../i18n/i18n";

export function CompletenessMeter({ completeness, linkTo }: { completeness: Completeness; linkTo: string }) {
  const t = useT();
  const label = t("profile.completeness", { percent: completeness.percent });
  return (
    <div class="completeness" data-testid="profile-completeness">
      <p class="completeness__percent">
        <strong>{label}</strong>
      </p>
      <progress max={100} value={completeness.percent} aria-label={label} />
      {completeness.missing.length === 0 ? (
        <p>{t("profile.completeness.done")}</p>
      ) : (
        <>
          <p>{t("profile.completeness.missing")}</p>
          <ul class="completeness__missing">
            {completeness.missing.map((s) => (
              <li key={s}>
                <a href={`${linkTo}#section-${s}`}>{t(`profile.section.${s}`)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
