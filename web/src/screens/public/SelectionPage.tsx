/**
 * The public announcement page of one selection: who runs it, on what basis, which posts are vacant
 * with their requirements and documents, the schedule and whom to contact. No sign-in; one read.
 */
import { useRoute } from "preact-iso";
import { rankLabel } from "@domain/ranks";
import { SCHEDULED_STAGES } from "@domain/selection/setup";
import { useLocale } from "../../i18n/i18n";
import { useAsync } from "../../ui/useAsync";
import { LoadError } from "../../ui/LoadError";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { formatDate } from "../../ui/format";

export function SelectionPage() {
  const { t, locale } = useLocale();
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const selection = useAsync(async () => (await import("../../data/publicData")).getPublicSelection(id), [id]);

  if (selection.status === "loading") return <Loading />;
  if (selection.status === "error") return <LoadError retry={selection.retry} />;
  const s = selection.value;
  if (!s) return <Notice kind="info">{t("public.selectionNotFound")}</Notice>;
  document.title = `${s.title} — Seleksi`;
  const date = (iso: string) => formatDate(iso, locale);

  return (
    <article>
      <p class="eyebrow">{s.instansiName}</p>
      <h1>{s.title}</h1>
      <p>
        <span class="badge">{t(`stage.${s.stage}`)}</span>
      </p>
      <p>{t("public.openTo", { who: s.openTo })}</p>
      {s.stage === "pendaftaran" && (
        <p>
          <a class="button" href="/daftar">
            {t("public.signUpToApply")}
          </a>
        </p>
      )}

      <h2>{t("public.postsHeading")}</h2>
      <ol class="posts">
        {s.posts.map((post) => (
          <li key={post.id} class="post">
            <strong>{post.name}</strong>
            <span class="post__meta">
              {t("public.opd", { opd: post.opd })} · {t("public.level", { level: t(`level.${post.level}`) })}
            </span>
            <details class="post__details">
              <summary>{t("public.requirements")}</summary>
              <ul>
                <li>{t("public.minRank", { rank: rankLabel(post.requirements.minGolongan) })}</li>
                <li>{t("public.minEducation", { education: t(`education.${post.requirements.minEducation}`) })}</li>
                <li>{t("public.yearsInPost", { years: post.requirements.minYearsInPost })}</li>
                <li>{t("public.yearsRelevant", { years: post.requirements.minYearsRelevant })}</li>
                <li>{t("public.maxAge", { age: post.requirements.maxAge, date: date(s.referenceDate) })}</li>
                {post.requirements.extraConditions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              <h3>{t("public.documents")}</h3>
              <ul class="documents">
                {post.requirements.documents.map((d) => (
                  <li key={d.id}>
                    {d.label}
                    {!d.required && <span class="muted"> ({t("public.optional")})</span>}
                    <br />
                    <span class="muted">
                      {t("public.formats", { formats: d.formats.join(", ").toUpperCase(), size: d.maxSizeKb })}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>

      <h2>{t("public.schedule")}</h2>
      <table class="schedule">
        <tbody>
          {SCHEDULED_STAGES.flatMap((stage) => {
            const range = s.schedule[stage];
            if (!range) return [];
            return [
              <tr key={stage} class={stage === s.stage ? "schedule__now" : undefined}>
                <th scope="row">{t(`stage.${stage}`)}</th>
                <td>{range.start === range.end ? date(range.start) : `${date(range.start)} – ${date(range.end)}`}</td>
              </tr>,
            ];
          })}
        </tbody>
      </table>

      {s.legalBasis.length > 0 && (
        <>
          <h2>{t("public.legalBasis")}</h2>
          <ol class="basis">
            {s.legalBasis.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </>
      )}

      {s.contact.name && (
        <>
          <h2>{t("public.contact")}</h2>
          <p>
            {s.contact.name}
            <br />
            {s.contact.address}
            <br />
            {s.contact.phone} · {s.contact.email}
          </p>
        </>
      )}
    </article>
  );
}
