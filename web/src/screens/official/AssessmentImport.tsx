/**
 * /kelola/:id/impor — an operator imports the assessment centre's report for one post and one
 * imported component: a CSV file (or its text pasted), the batch's date and source for a file that
 * has none, "Pratinjau" (the server reads the file and answers the rows it would write and every
 * rejected line with its reason), then "Impor" after a confirmation. A refusal keeps the file and
 * the settings: the operator corrects one thing and tries again.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { formatNip } from "@domain/nip";
import type { Issue } from "@domain/issue";
import type { ImportAssessmentOutput } from "@domain/scoring/importRequest";
import { looksBinary, MAX_IMPORT_BYTES } from "@domain/scoring/importRequest";
import type { BrokenSelection, SelectionWithId } from "../../data/live";
import { issueText, useLocale, useMessages } from "../../i18n/i18n";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";
import { useLive } from "../../ui/useLive";

interface Report {
  readonly name: string | null;
  readonly bytes: number;
  readonly text: string;
}

export function AssessmentImport() {
  const { t } = useLocale();
  const ready = useMessages("scoring");
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);

  if (!ready || selection.status === "loading") return <Loading />;
  if (selection.status === "error" || !selection.value || "broken" in selection.value) {
    return <Notice kind="error">{t("public.selectionNotFound")}</Notice>;
  }
  return <ImportForm selection={selection.value} />;
}

function ImportForm({ selection: s }: { selection: SelectionWithId }) {
  const { t, locale } = useLocale();
  const posts = s.posts.filter((p) => s.postDecisions[p.id] !== "cancelPost");
  const components = s.scoringPlan.components.filter((c) => c.imported);
  const [postId, setPostId] = useState(posts[0]?.id ?? "");
  const [componentId, setComponentId] = useState(components[0]?.id ?? "");
  const [report, setReport] = useState<Report>({ name: null, bytes: 0, text: "" });
  const [date, setDate] = useState("");
  const [source, setSource] = useState("");
  const [skipRejected, setSkipRejected] = useState(false);
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<ImportAssessmentOutput | null>(null);
  const [done, setDone] = useState<ImportAssessmentOutput | null>(null);
  const previewing = useAction();
  const committing = useAction();
  const number = (n: number) => n.toLocaleString(locale === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 2 });

  // Anything the answer depends on changed: the preview no longer shows what "Impor" would write.
  const changed = () => {
    setPreview(null);
    setDone(null);
  };

  if (components.length === 0) {
    return (
      <section data-testid="assessment-import">
        <Heading selection={s} />
        <p>{t("import.noComponents")}</p>
      </section>
    );
  }

  const chooseFile = async (file: File | undefined) => {
    changed();
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setReport({ name: file.name, bytes: file.size, text: "" });
      previewing.refuse([{ code: "err.import.tooLarge" }]);
      return;
    }
    const text = await file.text();
    setReport({ name: file.name, bytes: file.size, text });
    previewing.refuse(looksBinary(text) ? [{ code: "err.import.binary" }] : []);
  };

  const input = (mode: "preview" | "commit", requestId: string) => ({
    selectionId: s.id,
    postId,
    componentId,
    csvText: report.text,
    defaults: { ...(date ? { date } : {}), ...(source.trim() ? { source: source.trim() } : {}) },
    mode,
    skipRejected,
    replace,
    requestId,
  });

  const runPreview = async () => {
    setDone(null);
    if (report.text.trim() === "") {
      previewing.refuse([{ code: "err.import.noFile" }]);
      return;
    }
    const answer = await previewing.run(async (requestId) => {
      const { call } = await import("../../data/callables");
      return call("importAssessment", input("preview", requestId));
    });
    setPreview(answer ?? null);
  };

  const runCommit = async () => {
    if (!preview) return;
    const post = posts.find((p) => p.id === postId)?.name ?? postId;
    const component = components.find((c) => c.id === componentId)?.label ?? componentId;
    if (!window.confirm(t("import.confirm", { count: preview.counts.accepted, component, post }))) return;
    const answer = await committing.run(async (requestId) => {
      const { call } = await import("../../data/callables");
      return call("importAssessment", input("commit", requestId));
    });
    if (answer) {
      setDone(answer);
      setPreview(null);
    }
  };

  const issues: readonly Issue[] = [...previewing.issues, ...committing.issues];
  return (
    <section data-testid="assessment-import">
      <Heading selection={s} />
      <p class="muted">{t("import.intro")}</p>
      <div class="field">
        <label for="import-post">{t("import.post")}</label>
        <select
          id="import-post"
          value={postId}
          onChange={(e) => {
            setPostId(e.currentTarget.value);
            changed();
          }}
        >
          {posts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="import-component">{t("import.component")}</label>
        <select
          id="import-component"
          value={componentId}
          onChange={(e) => {
            setComponentId(e.currentTarget.value);
            changed();
          }}
        >
          {components.map((c) => (
            <option key={c.id} value={c.id}>
              {t("import.componentMax", { label: c.label, max: number(c.imported?.rawMax ?? 0) })}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="import-file">{t("import.file")}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(e) => void chooseFile(e.currentTarget.files?.[0])}
        />
        {report.name && (
          <small class="field__hint">
            {t("import.fileChosen", { name: report.name, kb: number(Math.ceil(report.bytes / 1024)) })}
          </small>
        )}
      </div>
      <div class="field">
        <label for="import-paste">{t("import.paste")}</label>
        <textarea
          id="import-paste"
          rows={4}
          value={report.name ? "" : report.text}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setReport({ name: null, bytes: text.length, text });
            changed();
          }}
        />
      </div>
      <div class="field">
        <label for="import-date">{t("import.date")}</label>
        <input
          id="import-date"
          type="date"
          value={date}
          onInput={(e) => {
            setDate(e.currentTarget.value);
            changed();
          }}
        />
      </div>
      <div class="field">
        <label for="import-source">{t("import.source")}</label>
        <input
          id="import-source"
          type="text"
          value={source}
          placeholder={t("import.sourceHint")}
          onInput={(e) => {
            setSource(e.currentTarget.value);
            changed();
          }}
        />
      </div>
      {issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <div class="actions">
        <button
          type="button"
          class="button button--secondary"
          disabled={previewing.busy || committing.busy}
          onClick={() => void runPreview()}
        >
          {t("import.preview")}
        </button>
      </div>
      {done && (
        <Notice kind="success">
          <p data-testid="import-done">
            {done.counts.replaced > 0
              ? t("import.doneReplaced", { count: done.counts.imported, replaced: done.counts.replaced })
              : t("import.done", { count: done.counts.imported })}
          </p>
        </Notice>
      )}
      {preview && (
        <div data-testid="import-preview">
          <p class="muted">{t("import.asOf", { date: formatDate(preview.asOf, locale) })}</p>
          <h2>{t("import.accepted", { count: preview.counts.accepted })}</h2>
          {preview.rows.length > 0 && (
            <table class="import-rows">
              <thead>
                <tr>
                  <th>
                    {t("import.col.name")} · {t("import.col.nip")}
                  </th>
                  <th>
                    {t("import.col.raw")} · {t("import.col.score")}
                  </th>
                  <th>
                    {t("import.col.date")} · {t("import.col.source")} · {t("import.col.validity")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} data-testid={`import-row-${r.line}`}>
                    <td>
                      <strong>{r.name}</strong>
                      <br />
                      <span class="muted">{formatNip(r.nip)}</span>
                    </td>
                    <td>
                      {number(r.raw)} → <strong>{number(r.score)}</strong>
                    </td>
                    <td>
                      {r.date ? formatDate(r.date, locale) : t("import.noDate")}
                      {r.source && (
                        <>
                          <br />
                          <span class="muted">{r.source}</span>
                        </>
                      )}
                      <br />
                      <span class={r.stale ? "finding--error" : "muted"}>
                        {r.stale ? t("import.stale") : t("import.fresh")}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.counts.rejected > 0 && (
            <>
              <h2>{t("import.rejectedTitle", { count: preview.counts.rejected })}</h2>
              <ul class="findings" data-testid="import-rejected">
                {preview.rejected.map((r) => (
                  <li key={r.line} class="finding--error">
                    {t("import.rejectedLine", { line: r.line, reason: issueText(t, r.issue as Issue) })}
                    <br />
                    <code class="muted">{r.text}</code>
                  </li>
                ))}
              </ul>
              {preview.counts.rejected > preview.rejected.length && (
                <p class="muted">
                  {t("import.rejectedMore", { count: preview.counts.rejected - preview.rejected.length })}
                </p>
              )}
              <label class="check">
                <input
                  type="checkbox"
                  checked={skipRejected}
                  onChange={(e) => setSkipRejected(e.currentTarget.checked)}
                />
                {t("import.skip")}
              </label>
            </>
          )}
          {preview.counts.existing > 0 && (
            <>
              <p>{t("import.existing", { count: preview.counts.existing })}</p>
              <label class="check">
                <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
                {t("import.replace")}
              </label>
            </>
          )}
          {preview.counts.accepted > 0 && (
            <div class="actions">
              <button
                type="button"
                class="button"
                disabled={committing.busy || previewing.busy}
                onClick={() => void runCommit()}
              >
                {t("import.commit")}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function Heading({ selection: s }: { selection: SelectionWithId }) {
  const { t } = useLocale();
  return (
    <>
      <p class="eyebrow">
        <a href={`/kelola/${s.id}`}>{s.title}</a>
      </p>
      <h1>{t("import.title")}</h1>
    </>
  );
}
