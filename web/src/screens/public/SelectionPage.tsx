/** The public page of one selection: who runs it, which posts are vacant, who may apply. */
import { useRoute } from "preact-iso";
import { useT } from "../../i18n/i18n";
import { useAsync } from "../../ui/useAsync";
import { LoadError } from "../../ui/LoadError";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";

export function SelectionPage() {
  const t = useT();
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const selection = useAsync(async () => (await import("../../data/publicData")).getPublicSelection(id), [id]);

  if (selection.status === "loading") return <Loading />;
  if (selection.status === "error") return <LoadError retry={selection.retry} />;
  const s = selection.value;
  if (!s) return <Notice kind="info">{t("public.selectionNotFound")}</Notice>;
  document.title = `${s.title} — Seleksi`;

  return (
    <article>
      <p class="eyebrow">{s.instansiName}</p>
      <h1>{s.title}</h1>
      <p>
        <span class="badge">{t(`stage.${s.stage}`)}</span>
      </p>
      <p>{t("public.openTo", { who: s.openTo })}</p>
      <h2>{t("public.postsHeading")}</h2>
      <ol class="posts">
        {s.posts.map((post) => (
          <li key={post.id} class="post">
            <strong>{post.name}</strong>
            <span class="post__meta">
              {t("public.opd", { opd: post.opd })} · {t("public.level", { level: t(`level.${post.level}`) })}
            </span>
          </li>
        ))}
      </ol>
      {s.stage === "pendaftaran" && (
        <p>
          <a class="button" href="/daftar">
            {t("public.signUpToApply")}
          </a>
        </p>
      )}
    </article>
  );
}
