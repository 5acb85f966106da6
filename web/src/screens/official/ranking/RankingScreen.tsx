/**
 * /kelola/:id/peringkat — the officials' ranking of a post after a stage: choose the post and the
 * stage, compute it (computeRanking), and see the chart, the table, what blocks locking, the spread
 * flags with the committee's decisions (./Calibration.tsx) and the members' dot plot, and issue or
 * download the rekap PDF and the stage's berita acara. An operator announces the stage's result
 * from here once every live post's ranking is lockable. The chart code loads with this route only.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { rankingChart } from "@domain/charts/rankingChart";
import { spreadPlot } from "@domain/charts/spreadPlot";
import { toSvg } from "@domain/charts/shapes";
import { FINAL_STAGE, hundredths } from "@domain/scoring/postRanking";
import { rankingTableRows } from "@domain/scoring/rankingRows";
import type { PostRankingResult } from "@domain/scoring/postRanking";
import type { Locale, MessageKey } from "@domain/i18n/messages";
import type { ScheduledStage } from "@domain/selection/setup";
import { isKetua } from "@domain/scoring/submission";
import type { QuorumStatus } from "@domain/scoring/conflicts";
import type { BrokenSelection, SelectionWithId } from "../../../data/live";
import type { RankingView } from "../../../data/rankingData";
import { issueText, useLocale, useMessages, type Translate } from "../../../i18n/i18n";
import { DownloadButton } from "../../../ui/DownloadButton";
import { formatDateTime } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { Notice } from "../../../ui/Notice";
import { useAction } from "../../../ui/useAction";
import { useLive } from "../../../ui/useLive";
import type { SignedIn } from "../../../ui/RequireSession";
import { Calibration } from "./Calibration";

function blockerText(status: QuorumStatus): MessageKey {
  if (status === "belowQuorum") return "ranking.blocker.belowQuorum";
  return status === "undeclared" ? "ranking.blocker.undeclared" : "ranking.blocker.awaiting";
}

export function RankingScreen({ session }: { session: SignedIn }) {
  const { t, locale } = useLocale();
  const ready = useMessages("scoring");
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const selection = useLive<SelectionWithId | BrokenSelection | undefined>(async () => {
    const { watchSelection } = await import("../../../data/live");
    return (next, fail) => watchSelection(id, next, fail);
  }, [id]);
  const [postId, setPostId] = useState("");
  const [stage, setStage] = useState<ScheduledStage>(FINAL_STAGE);
  const sel = selection.status === "ready" && selection.value && "posts" in selection.value ? selection.value : null;
  const posts = sel ? sel.posts.filter((p) => sel.postDecisions[p.id] !== "cancelPost") : [];
  const post = postId || posts[0]?.id || "";
  const ranking = useLive<RankingView | undefined>(async () => {
    const { watchRanking } = await import("../../../data/rankingData");
    const roles = session.claims?.roles ?? [];
    const scope = {
      instansiId: session.claims?.instansi ?? "",
      selectionId: id,
      postId: post,
      stage,
      lockableOnly: !roles.includes("operator") && !roles.includes("pejabat"),
    };
    return (next, fail) => watchRanking(scope, next, fail);
  }, [id, post, stage, session]);
  const compute = useAction();

  if (!ready || selection.status === "loading") return <Loading />;
  if (!sel) return <Notice kind="error">{t("app.loadError")}</Notice>;
  const stages = [...new Set([...sel.scoringPlan.components.map((c) => c.stage), FINAL_STAGE])] as ScheduledStage[];

  const run = async () => {
    await compute.run(async (requestId) => {
      const { computeRanking } = await import("../../../data/callables");
      return computeRanking({ selectionId: id, postId: post, stage, requestId });
    });
  };

  return (
    <section data-testid="ranking">
      <p class="eyebrow">
        <a href={`/kelola/${id}`}>{sel.title}</a>
      </p>
      <h1>{t("ranking.title")}</h1>
      <div class="field">
        <label for="ranking-post">{t("ranking.post")}</label>
        <select id="ranking-post" value={post} onChange={(e) => setPostId(e.currentTarget.value)}>
          {posts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="ranking-stage">{t("ranking.stage")}</label>
        <select id="ranking-stage" value={stage} onChange={(e) => setStage(e.currentTarget.value as ScheduledStage)}>
          {stages.map((s) => (
            <option key={s} value={s}>
              {s === FINAL_STAGE ? t("ranking.stage.final") : t(`stage.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <p>
        <button type="button" class="button" disabled={compute.busy || !post} onClick={() => void run()}>
          {compute.busy ? t("ranking.computing") : t("ranking.compute")}
        </button>
      </p>
      {compute.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      {session.claims?.roles.includes("operator") && (
        <StageResult selectionId={id} stage={stage} published={sel.stageResults[stage]} t={t} />
      )}
      {ranking.status === "loading" && <Loading />}
      {ranking.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {ranking.status === "ready" &&
        (ranking.value ? (
          <RankingView
            view={ranking.value}
            t={t}
            locale={locale}
            selectionId={id}
            instansiId={session.claims?.instansi ?? ""}
            operator={session.claims?.roles.includes("operator") ?? false}
            ketua={isKetua(sel, session.uid)}
          />
        ) : (
          <p class="muted">{t("ranking.none")}</p>
        ))}
    </section>
  );
}

function RankingView({
  view,
  t,
  locale,
  selectionId,
  instansiId,
  operator,
  ketua,
}: {
  view: RankingView;
  t: Translate;
  locale: Locale;
  selectionId: string;
  instansiId: string;
  operator: boolean;
  ketua: boolean;
}) {
  const r: PostRankingResult = view.result;
  const decimal = locale === "en" ? "." : ",";
  const format = (h: number) => hundredths(h, decimal);
  const names = new Map(r.candidates.map((c) => [c.applicationId, c]));
  const label = (componentId: string) => r.components.find((c) => c.id === componentId)?.label ?? componentId;
  const nameOf = (applicationId: string) => names.get(applicationId)?.name ?? applicationId;
  const chart = toSvg(
    rankingChart({
      title: t("ranking.chart.title"),
      components: r.components,
      rows: [
        ...r.ranked.map((row) => ({ label: nameOf(row.applicationId), points: row.figures.points, total: row.total })),
        ...r.eliminated.map((row) => ({
          label: nameOf(row.applicationId),
          points: row.figures.points,
          total: row.total,
          out: true,
        })),
      ],
      cutoff: r.cutoff,
      cutoffLabel: t("ranking.cutoff", { count: r.cutoff ?? 0 }),
      format,
    }),
  );
  const dots = toSvg(
    spreadPlot({
      title: t("ranking.dots.title"),
      members: r.members.map((m) => m.name),
      // A large post shows the flagged rows only: hundreds of rows say nothing on a phone.
      rows: (r.dots.length > 60 ? r.dots.filter((d) => d.flagged) : r.dots).map((d) => ({
        label: `${nameOf(d.applicationId)} · ${label(d.componentId)}`,
        scores: d.scores,
        flagged: d.flagged,
      })),
      format,
    }),
  );
  const rows = rankingTableRows(r, t, "ranking.finalist");

  return (
    <div data-testid="ranking-result">
      <p class="muted">
        {t("ranking.computedAt", { at: formatDateTime(view.doc.computedAt, locale), by: view.doc.computedBy.name })}
      </p>
      {r.interim && <p>{t("ranking.interim", { components: r.components.map((c) => c.label).join(", ") })}</p>}
      <Notice kind={r.lockable ? "success" : "error"}>
        {r.lockable ? t("ranking.lockable") : t("ranking.notLockable", { count: r.blockers.length })}
      </Notice>
      <h2>{t("ranking.chart.title")}</h2>
      <div class="chart" data-testid="ranking-chart" dangerouslySetInnerHTML={{ __html: chart }} />
      <div class="table-scroll">
        <table class="ranking" data-testid="ranking-table">
          <thead>
            <tr>
              <th>{t("ranking.col.rank")}</th>
              <th>{t("ranking.col.name")}</th>
              {r.components.map((c) => (
                <th key={c.id}>{c.label}</th>
              ))}
              <th>{t("ranking.col.total")}</th>
              <th>{t("ranking.col.note")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.applicationId}>
                <td>{row.rank}</td>
                <td>
                  {nameOf(row.applicationId)}
                  <br />
                  <small>{names.get(row.applicationId)?.nip}</small>
                </td>
                {r.components.map((c, i) => (
                  <td key={c.id}>{scoreText(row.figures.scores[i], format)}</td>
                ))}
                <td>
                  <strong>{format(row.total)}</strong>
                </td>
                <td>{row.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.blockers.length > 0 && (
        <>
          <h2>{t("ranking.blockers")}</h2>
          <ul data-testid="ranking-blockers">
            {r.blockers.map((b) => (
              <li key={`${b.applicationId} ${b.componentId}`}>
                {t(blockerText(b.status), {
                  name: nameOf(b.applicationId),
                  component: label(b.componentId),
                  eligible: b.eligible,
                  required: b.required,
                  submitted: b.submitted,
                  undeclared: b.undeclared,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t("ranking.spread")}</h2>
      <Calibration r={r} instansiId={instansiId} t={t} locale={locale} mayResolve={operator || ketua} isKetua={ketua} />
      {r.dots.length > 0 && (
        <>
          <h2>{t("ranking.dots.title")}</h2>
          <div class="chart" data-testid="ranking-dots" dangerouslySetInnerHTML={{ __html: dots }} />
        </>
      )}
      {operator && (
        <>
          <IssueDocument
            t={t}
            label={t("ranking.rekap.issue")}
            issued={(number) => t("ranking.rekap.issued", { number })}
            issue={async (requestId) => {
              const { issueRekap } = await import("../../../data/callables");
              return issueRekap({ selectionId, postId: r.postId, stage: r.stage, requestId });
            }}
          />
          <h2>{t("minutes.title")}</h2>
          <IssueDocument
            t={t}
            testId="minutes"
            label={t("minutes.issue")}
            issued={(number) => t("minutes.issued", { number })}
            issue={async (requestId) => {
              const { issueBeritaAcara } = await import("../../../data/callables");
              return issueBeritaAcara({ selectionId, stage: r.stage, requestId });
            }}
          />
        </>
      )}
      {ketua && (
        <p>
          <a class="button button--secondary" href={`/pansel/${selectionId}/tanda-tangan/${r.stage}`}>
            {t("minutes.sign")}
          </a>
        </p>
      )}
    </div>
  );
}

/** Issues a numbered document (the rekap, the berita acara) and offers its PDF once stored. */
function IssueDocument({
  t,
  label,
  issued: issuedText,
  issue: call,
  testId,
}: {
  t: Translate;
  label: string;
  issued: (number: string) => string;
  issue: (requestId: string) => Promise<{ documentId: string; number: string }>;
  testId?: string;
}) {
  const action = useAction();
  const [issued, setIssued] = useState<{ number: string; fileId: string; fileName: string } | undefined>();
  const issue = async () => {
    const answer = await action.run(call);
    if (!answer) return;
    const { getDocumentRecord } = await import("../../../data/staffDocuments");
    const record = await getDocumentRecord(answer.documentId);
    if (record) setIssued({ number: answer.number, fileId: record.fileId, fileName: record.fileName });
  };
  return (
    <section class="panel" data-testid={testId}>
      {issued && (
        <>
          <Notice kind="success">{issuedText(issued.number)}</Notice>
          <DownloadButton
            fileId={issued.fileId}
            fileName={issued.fileName}
            load={() => import("../../../data/staffDocuments")}
          />
        </>
      )}
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <p>
        <button type="button" class="button button--secondary" disabled={action.busy} onClick={() => void issue()}>
          {label}
        </button>
      </p>
    </section>
  );
}

/** "Umumkan hasil tahap": every live post at once, so it sits beside the stage, not in one post's view. */
function StageResult({
  selectionId,
  stage,
  published,
  t,
}: {
  selectionId: string;
  stage: ScheduledStage;
  published: SelectionWithId["stageResults"][ScheduledStage];
  t: Translate;
}) {
  const action = useAction();
  const announce = async () => {
    if (!confirm(t("ranking.publish.confirm"))) return;
    await action.run(async (requestId) => {
      const { publishStageResult } = await import("../../../data/callables");
      return publishStageResult({ selectionId, stage, requestId });
    });
  };
  return (
    <section class="panel" data-testid="stage-result">
      {published && (
        <Notice kind="success">
          <a href={`/verifikasi/${published.documentId}`}>
            {t("ranking.publish.done", { number: published.number, version: published.version })}
          </a>
        </Notice>
      )}
      {action.issues.map((issue, i) => (
        <Notice key={i} kind="error">
          {issueText(t, issue)}
        </Notice>
      ))}
      <p>
        <button type="button" class="button" disabled={action.busy} onClick={() => void announce()}>
          {published ? t("ranking.publish.again") : t("ranking.publish")}
        </button>
      </p>
      <p class="muted">{t("ranking.publish.hint")}</p>
    </section>
  );
}

function scoreText(score: number | null | undefined, format: (h: number) => string): string {
  return score === null || score === undefined ? "–" : format(score);
}
