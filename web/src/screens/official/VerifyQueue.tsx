/**
 * The verification queue of one selection (/kelola/:id/verifikasi): a post picker, "belum
 * diverifikasi" or all, pages of 20 submitted applications, oldest submission first, each page one
 * bounded query (../../data/verificationQueue.ts). The count still to verify comes from the
 * selection's counts, kept by the verification functions, not from reading the applications.
 */
import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { BrokenSelection, SelectionWithId } from "../../data/live";
import type { QueueRow } from "../../data/verificationQueue";
import { useLocale } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import type { SignedIn } from "../../ui/RequireSession";
import { useLive } from "../../ui/useLive";

interface Page {
  readonly rows: readonly QueueRow[];
  readonly more: boolean;
  readonly status: "loading" | "ready" | "error";
}

export function VerifyQueue({ session }: { session: SignedIn }) {
  const { t, locale } = useLocale();
  const { params, query } = useRoute();
  const id = params["id"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);
  const s =
    selection.status === "ready" && selection.value && !("broken" in selection.value) ? selection.value : undefined;
  const [postId, setPostId] = useState(query["jabatan"] ?? "");
  const [onlyUnverified, setOnlyUnverified] = useState(query["semua"] !== "1");
  const [page, setPage] = useState<Page>({ rows: [], more: false, status: "loading" });
  const post = postId || s?.posts[0]?.id || "";

  const load = async (after: QueueRow | undefined) => {
    setPage((p) => ({ ...p, status: "loading" }));
    try {
      const { loadQueuePage, QUEUE_PAGE_SIZE } = await import("../../data/verification");
      const rows = await loadQueuePage({
        instansiId: session.claims?.instansi ?? "",
        selectionId: id,
        postId: post,
        onlyUnverified,
        after: after ? { submittedAt: after.submittedAt, id: after.id } : undefined,
      });
      setPage((p) => ({
        rows: [...(after ? p.rows : []), ...rows],
        more: rows.length === QUEUE_PAGE_SIZE,
        status: "ready",
      }));
    } catch {
      setPage((p) => ({ ...p, status: "error" }));
    }
  };

  useEffect(() => {
    if (post) void load(undefined);
  }, [id, post, onlyUnverified]);

  if (selection.status === "loading") return <Loading />;
  if (!s) return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  const back = (row: QueueRow) =>
    `/kelola/${s.id}/verifikasi/${row.id}?jabatan=${encodeURIComponent(post)}${onlyUnverified ? "" : "&semua=1"}`;

  return (
    <section>
      <p class="eyebrow">
        <a href={`/kelola/${s.id}`}>{s.title}</a>
      </p>
      <h1>{t("review.title")}</h1>
      <p>
        <span class="badge" data-testid="unverified-count">
          {t("review.unverifiedCount", { count: s.counts.unverifiedApplications })}
        </span>
      </p>
      <div class="field">
        <label for="queue-post">{t("review.post")}</label>
        <select id="queue-post" value={post} onChange={(e) => setPostId(e.currentTarget.value)}>
          {s.posts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="actions" role="group">
        <button
          type="button"
          class={onlyUnverified ? "button" : "button button--secondary"}
          aria-pressed={onlyUnverified}
          onClick={() => setOnlyUnverified(true)}
        >
          {t("review.filter.unverified")}
        </button>
        <button
          type="button"
          class={onlyUnverified ? "button button--secondary" : "button"}
          aria-pressed={!onlyUnverified}
          onClick={() => setOnlyUnverified(false)}
        >
          {t("review.filter.all")}
        </button>
      </div>
      {page.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {page.status === "ready" && page.rows.length === 0 && <p class="muted">{t("review.empty")}</p>}
      <ul class="queue" data-testid="queue">
        {page.rows.map((row) => (
          <li key={row.id}>
            <a class="card card--padded card__link" href={back(row)}>
              <strong>{row.candidateName}</strong>
              <span class="muted"> {row.nip}</span>
              <br />
              <span class="muted">{t("review.submittedAt", { at: formatDateTime(row.submittedAt, locale) })}</span>{" "}
              <span class="badge">{row.reviewed ? t("review.decided") : t("review.pending")}</span>
            </a>
          </li>
        ))}
      </ul>
      {page.status === "loading" && <Loading />}
      {page.status === "ready" && page.more && (
        <p>
          <button type="button" class="button button--secondary" onClick={() => void load(page.rows.at(-1))}>
            {t("review.more")}
          </button>
        </p>
      )}
    </section>
  );
}
