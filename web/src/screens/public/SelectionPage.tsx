/**
 * The public announcement page of one selection: who runs it, on what basis, which posts are vacant
 * with their requirements and documents, the schedule and whom to contact. No sign-in; it reads the
 * public projection (two documents). On a first visit sharePage has already rendered this markup
 * (functions/src/domain/publication/selectionHtml.ts) with its data beside it: the page starts from
 * that data, so the text on screen stays put and no read waits on the network.
 */
import { useMemo } from "preact/hooks";
import { useRoute } from "preact-iso";
import { rankLabel } from "@domain/ranks";
import { SCHEDULED_STAGES } from "@domain/selection/setup";
import { PAGE_DATA_ID } from "@domain/publication/pageData";
import { publicSelection, publicSelectionDetail, type PublicSelectionDetail } from "@domain/publication/projection";
import type { PublicSelectionPage } from "../../data/publicData";
import { useLocale } from "../../i18n/i18n";
import { hint, session } from "../../data/session";
import { useStore } from "../../data/store";
import { useAsync } from "../../ui/useAsync";
import { LoadError } from "../../ui/LoadError";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { formatDate } from "../../ui/format";

/** The data sharePage rendered the page from, when this page load came from it. */
function renderedPage(id: string): PublicSelectionPage | undefined {
  try {
    const data = JSON.parse(document.getElementById(PAGE_DATA_ID)?.textContent ?? "null") as {
      id?: unknown;
      summary?: unknown;
      detail?: unknown;
    } | null;
    if (data?.id !== id) return undefined;
    const summary = publicSelection.safeParse(data.summary);
    const detail = publicSelectionDetail.safeParse(data.detail);
    return summary.success && detail.success ? { id, summary: summary.data, detail: detail.data } : undefined;
  } catch {
    return undefined;
  }
}

export function SelectionPage() {
  const { t, locale } = useLocale();
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const rendered = useMemo(() => renderedPage(id), [id]);
  const fetched = useAsync(
    async () => rendered ?? (await import("../../data/publicData")).getPublicSelection(id),
    [id],
  );
  const selection = rendered ? { status: "ready" as const, value: rendered } : fetched;
  // Signed in as a candidate (or remembered so on this device): apply per post, no Auth code here.
  const current = useStore(session);
  const home = current.status === "signedIn" ? current.home : current.status === "loading" ? hint?.home : undefined;
  const candidate = home === "/peserta";

  if (selection.status === "loading") return <Loading />;
  if (selection.status === "error") return <LoadError retry={fetched.retry} />;
  const page = selection.value;
  if (!page) return <Notice kind="info">{t("public.selectionNotFound")}</Notice>;
  const { summary: s, detail: d } = page;
  document.title = `${s.title} — Seleksi`;
  const date = (iso: string) => formatDate(iso, locale);

  return (
    <article>
      <p class="eyebrow">{s.instansiName}</p>
      <h1>{s.title}</h1>
      <p>
        <a href={`/?instansi=${encodeURIComponent(s.instansiId)}`} data-testid="more-from-instansi">
          {t("public.moreFromInstansi", { instansi: s.instansiName })}
        </a>
      </p>
      <p>
        <span class="badge">{t(`stage.${s.stage}`)}</span>
      </p>
      <p>{t("public.openTo", { who: d.openTo })}</p>
      {s.document && (
        <p>
          <a href={s.document.link}>{t("public.announcementNumber", { number: s.document.number })}</a>
        </p>
      )}
      {s.administrativeResult && (
        <section data-testid="administrative-result">
          <h2>{t("public.result.title")}</h2>
          <p>
            <a href={s.administrativeResult.document.link}>
              {t("public.announcementNumber", { number: s.administrativeResult.document.number })}
            </a>
            <br />
            {t("public.result.objection", { date: date(s.administrativeResult.objectionLastDay) })}
          </p>
          {s.administrativeResult.posts.map((post) => (
            <div key={post.id}>
              <h3>{post.name}</h3>
              {post.candidates.length === 0 ? (
                <p class="muted">{t("public.result.none")}</p>
              ) : (
                <ol>
                  {post.candidates.map((c) => (
                    <li key={`${c.name}-${c.nip}`}>
                      {c.name} <span class="muted">NIP {c.nip}</span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))}
        </section>
      )}
      {d.stageResults.length > 0 && <StageResults results={d.stageResults} />}
      {s.stage === "pendaftaran" && !candidate && (
        <p>
          <a class="button" href="/daftar">
            {t("public.signUpToApply")}
          </a>
        </p>
      )}

      <h2>{t("public.postsHeading")}</h2>
      <ol class="posts">
        {s.posts.map((post) => {
          const r = d.requirements[post.id];
          return (
            <li key={post.id} class="post">
              <strong>{post.name}</strong>
              <span class="post__meta">
                {t("public.opd", { opd: post.opd })} · {t("public.level", { level: t(`level.${post.level}`) })}
              </span>
              {s.stage === "pendaftaran" && candidate && (
                <a class="button" href={`/peserta/lamar/${id}/${post.id}`} data-testid={`apply-${post.id}`}>
                  {t("public.applyToPost")}
                </a>
              )}
              {r && (
                <details class="post__details">
                  <summary>{t("public.requirements")}</summary>
                  <ul>
                    <li>{t("public.minRank", { rank: rankLabel(r.minGolongan) })}</li>
                    <li>{t("public.minEducation", { education: t(`education.${r.minEducation}`) })}</li>
                    <li>{t("public.yearsInPost", { years: r.minYearsInPost })}</li>
                    <li>{t("public.yearsRelevant", { years: r.minYearsRelevant })}</li>
                    <li>{t("public.maxAge", { age: r.maxAge, date: date(d.referenceDate) })}</li>
                    {r.extraConditions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                  <h3>{t("public.documents")}</h3>
                  <ul class="documents">
                    {r.documents.map((doc) => (
                      <li key={doc.id}>
                        {doc.label}
                        {!doc.required && <span class="muted"> ({t("public.optional")})</span>}
                        <br />
                        <span class="muted">
                          {t("public.formats", { formats: doc.formats.join(", ").toUpperCase(), size: doc.maxSizeKb })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
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

      {d.legalBasis.length > 0 && (
        <>
          <h2>{t("public.legalBasis")}</h2>
          <ol class="basis">
            {d.legalBasis.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </>
      )}

      {d.contact.name && (
        <>
          <h2>{t("public.contact")}</h2>
          <p>
            {d.contact.name}
            <br />
            {d.contact.address}
            <br />
            {d.contact.phone} · {d.contact.email}
          </p>
        </>
      )}
    </article>
  );
}

/** Figures are stored in hundredths of a point (domain/scoring/aggregate.ts): 8450 reads 84,50. */
function points(hundredths: number, locale: string): string {
  return (hundredths / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "Hasil seleksi": each stage announced, with its pengumuman; only those who go on are named. */
function StageResults({ results }: { results: PublicSelectionDetail["stageResults"] }) {
  const { t, locale } = useLocale();
  return (
    <section data-testid="stage-results">
      <h2>{t("public.stageResults.title")}</h2>
      {results.map((r) => (
        <div key={r.stage} data-testid={`stage-result-${r.stage}`}>
          <h3>
            {r.final
              ? t("public.stageResults.final")
              : t("public.stageResults.stage", { stage: t(`stage.${r.stage}`) })}
          </h3>
          <p>
            <a href={r.document.link}>{t("public.announcementNumber", { number: r.document.number })}</a>
            {!r.final && (
              <>
                <br />
                <span class="muted">{t("public.stageResults.interim", { components: r.components.join(", ") })}</span>
              </>
            )}
          </p>
          {r.posts.map((post) => (
            <div key={post.id}>
              <h4>{post.name}</h4>
              {post.candidates.length === 0 ? (
                <p class="muted">{t("public.stageResults.none")}</p>
              ) : (
                <ol>
                  {post.candidates.map((c) => (
                    <li key={`${c.name}-${c.nip}`}>
                      {c.name} <span class="muted">NIP {c.nip}</span>
                      {c.total !== null && (
                        <span class="muted">
                          {" "}
                          · {t("public.stageResults.score", { rank: c.rank ?? "–", total: points(c.total, locale) })}
                        </span>
                      )}
                      {c.points && (
                        <span class="muted">
                          {" "}
                          (
                          {c.points
                            .map((p, i) => `${r.components[i] ?? ""} ${p === null ? "–" : points(p, locale)}`)
                            .join("; ")}
                          )
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
