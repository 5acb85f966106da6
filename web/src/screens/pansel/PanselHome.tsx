/**
 * A pansel member's home: the selections they sit on and, per selection, the posts they score, each
 * with its declaration of conflicts: to make (a link to the declaration screen), made, or made with
 * candidates who became MS since (an accepted objection) still to declare on; in a scoring stage,
 * the way to score and to sign the stage's berita acara.
 */
import { conflictsId } from "@domain/scoring/conflicts";
import { declarationOpen, postsOfMember } from "@domain/scoring/declaration";
import { SCORING_STAGES } from "@domain/selection/stageMachine";
import { STAGES } from "@domain/stages";
import type { BrokenSelection, MyDeclaration, SelectionWithId } from "../../data/live";
import { useMessages, useT } from "../../i18n/i18n";
import type { SignedIn } from "../../ui/RequireSession";
import { useLive } from "../../ui/useLive";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";

export function PanselHome({ session }: { session: SignedIn }) {
  const t = useT();
  const ready = useMessages("scoring");
  const selections = useLive<(SelectionWithId | BrokenSelection)[]>(async () => {
    const { watchPanselSelections } = await import("../../data/live");
    return (next, fail) => watchPanselSelections(session.uid, next, fail);
  }, [session.uid]);
  const declarations = useLive<MyDeclaration[]>(async () => {
    const { watchMyDeclarations } = await import("../../data/live");
    return (next, fail) => watchMyDeclarations(session.uid, next, fail);
  }, [session.uid]);
  if (!ready) return <Loading />;
  // Declaration id → how many candidates it names.
  const declared = new Map(declarations.status === "ready" ? declarations.value.map((d) => [d.id, d.declared]) : []);
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
                  <>
                    <a class="card__link" href={`/seleksi/${s.id}`}>
                      <span class="card__eyebrow">{s.instansiName}</span>
                      <strong class="card__title">{s.title}</strong>
                      <span class="card__meta">{t(`stage.${s.stage}`)}</span>
                    </a>
                    <MyPosts
                      selection={s}
                      uid={session.uid}
                      declared={declared}
                      known={declarations.status === "ready"}
                    />
                    {SCORING_STAGES.includes(s.stage) && (
                      <p class="card__actions">
                        <a class="button" href={`/pansel/${s.id}/nilai`} data-testid={`score-${s.id}`}>
                          {t("pansel.score")}
                        </a>{" "}
                        <a
                          class="button button--secondary"
                          href={`/pansel/${s.id}/tanda-tangan/${s.stage}`}
                          data-testid={`sign-${s.id}`}
                        >
                          {t("pansel.sign")}
                        </a>
                      </p>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function MyPosts(props: {
  selection: SelectionWithId;
  uid: string;
  declared: ReadonlyMap<string, number>;
  known: boolean;
}) {
  const t = useT();
  const { selection: s, uid } = props;
  const posts = postsOfMember(s, uid);
  if (posts.length === 0) return <p class="muted">{t("pansel.noPosts")}</p>;
  const open = declarationOpen(s.stage);
  const before = STAGES.indexOf(s.stage) < STAGES.indexOf("pengumumanAdministrasi");
  return (
    <ul class="card__more pansel-posts" data-testid={`pansel-posts-${s.id}`}>
      {posts.map((post) => {
        const named = props.declared.get(conflictsId(s.id, post.id, uid));
        // The administrative result's MS list grows with each accepted objection; the declaration
        // screen names who is new.
        const fresh = named === undefined ? 0 : (s.administrativeResult?.ms[post.id]?.length ?? 0) - named;
        const href = `/pansel/${s.id}/konflik/${post.id}`;
        return (
          <li key={post.id} class="card__line" data-testid={`pansel-post-${post.id}`}>
            <span>{post.name}</span>{" "}
            {named !== undefined ? (
              <>
                <span class="badge" data-testid="declared">
                  {t("pansel.declared")}
                </span>
                {fresh > 0 && open && (
                  <>
                    {" "}
                    <a class="button button--small" href={href} data-testid="declare-new-link">
                      {t("pansel.newCandidates", { count: fresh })}
                    </a>
                  </>
                )}
              </>
            ) : !props.known || !(open || before) ? null : open ? (
              <a class="button button--small" href={href} data-testid="declare-link">
                {t("pansel.declare")}
              </a>
            ) : (
              <span class="muted">{t("pansel.notYet")}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
