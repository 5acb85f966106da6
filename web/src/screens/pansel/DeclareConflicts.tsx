/**
 * A pansel member declares conflicts of interest for one post, before seeing any candidate's file:
 * per candidate (name, masked NIP, current post) none, a family tie, a direct superior/subordinate
 * relation, or another conflict with a note. Sent once, after a confirmation that says it cannot be
 * changed; a refusal shows its reason and keeps every choice on screen. A candidate who became MS after
 * the declaration (an accepted objection) is declared on the same way, below what was declared before. Laid out for a tablet and a
 * 360 px phone alike: one column of candidates, the choices wrapping under each name.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { Issue } from "@domain/issue";
import {
  CONFLICT_KINDS,
  kindsOf,
  undeclaredCandidates,
  validateDeclaration,
  type ConflictKind,
} from "@domain/scoring/conflicts";
import type { RosterPost } from "@domain/scoring/declaration";
import { issueText, useLocale, useMessages } from "../../i18n/i18n";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";
import { useAsync } from "../../ui/useAsync";

interface Choice {
  readonly kind: ConflictKind | undefined;
  readonly note: string;
}

export function DeclareConflicts() {
  const { t } = useLocale();
  const ready = useMessages("scoring");
  const { params } = useRoute();
  const selectionId = params["selectionId"] ?? "";
  const postId = params["postId"] ?? "";
  const [sent, setSent] = useState<RosterPost["declaration"]>(null);
  const roster = useAsync(async () => {
    const { panselRoster } = await import("../../data/callables");
    return panselRoster({ selectionId });
  }, [selectionId]);

  if (!ready || roster.status === "loading") return <Loading />;
  if (roster.status === "error") {
    const { code } = (roster.error as { details?: { issues?: Issue[] } }).details?.issues?.[0] ?? {
      code: "app.loadError",
    };
    return (
      <section>
        <h1>{t("conflict.title")}</h1>
        <Notice kind="error">{code === "app.loadError" ? t("app.loadError") : issueText(t, { code })}</Notice>
        <p>
          <a href="/pansel">{t("pansel.title")}</a>
        </p>
      </section>
    );
  }
  const current = roster.value;
  const found = current.posts.find((p) => p.postId === postId);
  if (!found) return <Notice kind="error">{t("err.conflict.notAssigned")}</Notice>;
  const post = sent ? { ...found, declaration: sent } : found;
  const declaration = post.declaration;
  const pending = undeclaredCandidates(
    post.candidates.map((c) => c.applicationId),
    declaration?.kinds,
  );
  // After a first declaration, the form holds only the candidates who became MS since.
  const toDeclare = { ...post, candidates: post.candidates.filter((c) => pending.includes(c.applicationId)) };
  const onSent = (kinds: Record<string, ConflictKind>, at: string) =>
    setSent({ declaredAt: declaration?.declaredAt ?? at, kinds: { ...declaration?.kinds, ...kinds } });
  return (
    <section class="declare">
      <p class="eyebrow">{current.title}</p>
      <h1>{t("conflict.title")}</h1>
      <h2>{post.postName}</h2>
      {declaration && <Declared post={{ ...post, declaration }} />}
      {declaration && pending.length > 0 && (
        <Notice kind="info">
          <span data-testid="new-candidates">{t("pansel.newCandidates", { count: pending.length })}</span>
        </Notice>
      )}
      {declaration && pending.length === 0 ? null : !current.declarationOpen ? (
        <Notice kind="info">{t("err.conflict.stage")}</Notice>
      ) : toDeclare.candidates.length === 0 ? (
        <p>{t("conflict.noCandidates")}</p>
      ) : (
        <DeclarationForm selectionId={selectionId} post={toDeclare} onSent={onSent} />
      )}
      <p>
        <a href="/pansel">{t("pansel.title")}</a>
      </p>
    </section>
  );
}

function Declared({ post }: { post: RosterPost }) {
  const { t, locale } = useLocale();
  const declaration = post.declaration;
  if (!declaration) return null;
  return (
    <>
      <Notice kind="success">
        <span data-testid="declared-at">
          {t("conflict.sent", { at: formatDateTime(declaration.declaredAt, locale) })}
        </span>
      </Notice>
      <ul class="cards">
        {post.candidates.map((c) => {
          const kind = declaration.kinds[c.applicationId];
          if (!kind) return null; // not declared on yet: in the form below
          return (
            <li key={c.applicationId} class="card card--padded" data-testid={`declared-${c.applicationId}`}>
              <strong class="card__title">{c.name}</strong>
              <span class="card__line">{c.maskedNip}</span>
              <span class={kind === "none" ? "badge" : "badge badge--error"}>{t(`conflict.kind.${kind}`)}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function DeclarationForm(props: {
  selectionId: string;
  post: RosterPost;
  onSent: (kinds: Record<string, ConflictKind>, at: string) => void;
}) {
  const { t } = useLocale();
  const { post } = props;
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [checked, setChecked] = useState<readonly Issue[]>([]);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();

  const choice = (id: string): Choice => choices[id] ?? { kind: undefined, note: "" };
  const set = (id: string, change: Partial<Choice>) => {
    setChoices((c) => ({ ...c, [id]: { ...choice(id), ...change } }));
    // What was checked no longer describes the choices: checked again on the next review.
    setChecked([]);
    setConfirming(false);
  };
  const entries = post.candidates.flatMap((c) => {
    const { kind, note } = choice(c.applicationId);
    return kind ? [{ applicationId: c.applicationId, kind, note: note.trim() }] : [];
  });
  const recused = entries.filter((e) => e.kind !== "none").length;
  // The field of an issue ("entries.2.note") names the candidate it is about.
  const issueFor = (index: number) =>
    checked.filter((i) => i.field === `entries.${index}` || i.field === `entries.${index}.note`);

  const review = (e: Event) => {
    e.preventDefault();
    const missing = post.candidates.filter((c) => !choice(c.applicationId).kind).length;
    const issues = validateDeclaration(
      post.candidates.map((c) => c.applicationId),
      entries,
    ).filter((i) => i.code !== "err.conflict.incomplete");
    if (missing > 0) issues.push({ code: "err.conflict.incomplete", params: { count: missing } });
    setChecked(issues);
    setConfirming(issues.length === 0);
  };

  const send = async () => {
    const answer = await action.run(async (requestId) => {
      const { declareConflicts } = await import("../../data/callables");
      return declareConflicts({ requestId, selectionId: props.selectionId, postId: post.postId, entries });
    });
    setConfirming(false);
    // Shown from what was sent (the server stored exactly these kinds); the time is this device's.
    if (answer) props.onSent(kindsOf(entries), new Date().toISOString());
  };

  return (
    <form onSubmit={review} novalidate>
      <p>{t("conflict.intro")}</p>
      <ol class="cards declare__list">
        {post.candidates.map((c) => {
          const own = choice(c.applicationId);
          const index = entries.findIndex((e) => e.applicationId === c.applicationId);
          const issues = index >= 0 ? issueFor(index) : [];
          return (
            <li key={c.applicationId} data-testid={`candidate-${c.applicationId}`}>
              <fieldset class="group">
                <legend>
                  <span class="card__title">{c.name}</span>
                </legend>
                <span class="card__line">NIP {c.maskedNip}</span>
                {(c.currentPost || c.currentInstansi) && (
                  <span class="card__line muted">
                    {t("conflict.currentPost", { post: c.currentPost, instansi: c.currentInstansi })}
                  </span>
                )}
                <div class="group--inline">
                  {CONFLICT_KINDS.map((kind) => (
                    <label key={kind} class="check">
                      <input
                        type="radio"
                        name={`kind-${c.applicationId}`}
                        value={kind}
                        checked={own.kind === kind}
                        onChange={() => set(c.applicationId, { kind })}
                      />
                      {t(`conflict.kind.${kind}`)}
                    </label>
                  ))}
                </div>
                {own.kind !== undefined && own.kind !== "none" && (
                  <div class="field">
                    <label for={`note-${c.applicationId}`}>{t("conflict.note")}</label>
                    <textarea
                      id={`note-${c.applicationId}`}
                      value={own.note}
                      maxLength={1000}
                      onInput={(e) => set(c.applicationId, { note: e.currentTarget.value })}
                    />
                  </div>
                )}
                {issues.map((issue, i) => (
                  <p key={i} class="field__error">
                    {issueText(t, issue)}
                  </p>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {checked
        .filter((i) => !i.field?.startsWith("entries."))
        .map((issue, i) => (
          <Notice key={i} kind="error">
            {issueText(t, issue)}
          </Notice>
        ))}
      {action.issues.map((issue, i) => (
        <Notice key={`a${i}`} kind="error">
          <span data-testid="declare-error">{issueText(t, issue)}</span>
        </Notice>
      ))}
      {confirming ? (
        <div class="panel" role="alertdialog" aria-labelledby="confirm-title" data-testid="confirm">
          <h3 id="confirm-title">{t("conflict.confirmTitle")}</h3>
          <p>{t("conflict.confirmText", { count: recused })}</p>
          <div class="actions">
            <button type="button" class="button" disabled={action.busy} onClick={() => void send()}>
              {t("conflict.confirm")}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t("conflict.back")}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="submit" class="button">
            {t("conflict.review")}
          </button>
        </div>
      )}
    </form>
  );
}
