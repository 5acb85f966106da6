/**
 * The operator records the government's regional elections and Penjabat periods (recordRegionalCalendar):
 * the gate before pelantikan and the selection page read them (UU 10/2016 Pasal 71 ayat 2, PP 49/2008
 * Pasal 132A). Shows what is on record and its last changes; "Ubah" opens the rows for editing. The
 * form's schema loads on first save, as other forms' do.
 */
import { useState } from "preact/hooks";
import type { Issue } from "@domain/issue";
import type { InstansiDoc } from "@domain/schemas/documents";
import type { CalendarAuditWithId } from "../../data/live";
import { issueText, useLocale } from "../../i18n/i18n";
import { formatDate, formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useAction } from "../../ui/useAction";
import { useLive } from "../../ui/useLive";

type Election = InstansiDoc["elections"][number];
type ActingHead = InstansiDoc["actingHeads"][number];
interface Rows {
  elections: Election[];
  actingHeads: ActingHead[];
}

export function RegionalCalendar({ instansiId }: { instansiId: string }) {
  const { t, locale } = useLocale();
  // The same document as the heading's: the SDK serves both from one listener.
  const instansi = useLive<InstansiDoc | undefined>(async () => {
    const { watchInstansi } = await import("../../data/live");
    return (next, fail) => watchInstansi(instansiId, next, fail);
  }, [instansiId]);
  const history = useLive<CalendarAuditWithId[]>(async () => {
    const { watchCalendarAudit } = await import("../../data/live");
    return (next, fail) => watchCalendarAudit(instansiId, next, fail);
  }, [instansiId]);
  const [rows, setRows] = useState<Rows | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const action = useAction();

  if (instansi.status === "loading") return <Loading />;
  const recorded: Rows =
    instansi.status === "ready" && instansi.value ? instansi.value : { elections: [], actingHeads: [] };
  const date = (iso: string) => formatDate(iso, locale);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!rows) return;
    setDone(undefined);
    const [{ parseWith }, { regionalCalendar }] = await Promise.all([
      import("@domain/validation"),
      import("@domain/schemas/regionalCalendar"),
    ]);
    const parsed = parseWith(regionalCalendar, rows);
    if (!parsed.ok) {
      action.refuse(parsed.issues);
      return;
    }
    const answer = await action.run(async (requestId) => {
      const { recordRegionalCalendar } = await import("../../data/callables");
      return recordRegionalCalendar({ instansiId, ...parsed.value, requestId });
    });
    if (answer) {
      setRows(undefined);
      setDone(t(answer.changed ? "calendar.saved" : "calendar.unchanged"));
    }
  };

  const issueAt = (field: string): string | undefined => {
    const issue = action.issues.find((i) => i.field === field);
    return issue && issueText(t, issue);
  };
  const general: readonly Issue[] = action.issues.filter((i) => !/^(elections|actingHeads)\.\d+\./.test(i.field ?? ""));

  const dateInput = (field: string, label: string, value: string, onInput: (v: string) => void) => {
    const error = issueAt(field);
    const id = `calendar-${field.replace(/\./g, "-")}`;
    return (
      <div class={error ? "field field--error" : "field"}>
        <label for={id}>{label}</label>
        <input
          type="date"
          id={id}
          name={id}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p id={`${id}-error`} class="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  };

  const edit = (change: (r: Rows) => Rows) => rows && setRows(change(rows));
  const setAt = <T,>(list: T[], i: number, value: T) => list.map((row, k) => (k === i ? value : row));

  return (
    <section class="panel" data-testid="regional-calendar">
      <h2>{t("calendar.title")}</h2>
      <p class="muted">{t("calendar.intro")}</p>
      {!rows && (
        <>
          <h3>{t("calendar.elections")}</h3>
          {recorded.elections.length === 0 ? (
            <p>{t("calendar.none")}</p>
          ) : (
            <ul>
              {recorded.elections.map((e, i) => (
                <li key={i}>
                  {t("calendar.electionRow", { pairs: date(e.candidatePairsDetermination), termEnd: date(e.termEnd) })}
                </li>
              ))}
            </ul>
          )}
          <h3>{t("calendar.actingHeads")}</h3>
          {recorded.actingHeads.length === 0 ? (
            <p>{t("calendar.none")}</p>
          ) : (
            <ul>
              {recorded.actingHeads.map((p, i) => (
                <li key={i}>{t("calendar.actingRow", { from: date(p.from), to: date(p.to) })}</li>
              ))}
            </ul>
          )}
          {done && <Notice kind="success">{done}</Notice>}
          <button
            type="button"
            class="button"
            onClick={() => {
              setDone(undefined);
              action.refuse([]);
              setRows({ elections: [...recorded.elections], actingHeads: [...recorded.actingHeads] });
            }}
          >
            {t("calendar.edit")}
          </button>
        </>
      )}
      {rows && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <fieldset>
            <legend>{t("calendar.elections")}</legend>
            {rows.elections.map((e, i) => (
              <div key={i} class="calendar-row">
                {dateInput(
                  `elections.${i}.candidatePairsDetermination`,
                  t("calendar.pairs"),
                  e.candidatePairsDetermination,
                  (v) =>
                    edit((r) => ({ ...r, elections: setAt(r.elections, i, { ...e, candidatePairsDetermination: v }) })),
                )}
                {dateInput(`elections.${i}.termEnd`, t("calendar.termEnd"), e.termEnd, (v) =>
                  edit((r) => ({ ...r, elections: setAt(r.elections, i, { ...e, termEnd: v }) })),
                )}
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => edit((r) => ({ ...r, elections: r.elections.filter((_, k) => k !== i) }))}
                >
                  {t("calendar.remove")}
                </button>
              </div>
            ))}
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                edit((r) => ({ ...r, elections: [...r.elections, { candidatePairsDetermination: "", termEnd: "" }] }))
              }
            >
              {t("calendar.addElection")}
            </button>
          </fieldset>
          <fieldset>
            <legend>{t("calendar.actingHeads")}</legend>
            {rows.actingHeads.map((p, i) => (
              <div key={i} class="calendar-row">
                {dateInput(`actingHeads.${i}.from`, t("calendar.from"), p.from, (v) =>
                  edit((r) => ({ ...r, actingHeads: setAt(r.actingHeads, i, { ...p, from: v }) })),
                )}
                {dateInput(`actingHeads.${i}.to`, t("calendar.to"), p.to, (v) =>
                  edit((r) => ({ ...r, actingHeads: setAt(r.actingHeads, i, { ...p, to: v }) })),
                )}
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => edit((r) => ({ ...r, actingHeads: r.actingHeads.filter((_, k) => k !== i) }))}
                >
                  {t("calendar.remove")}
                </button>
              </div>
            ))}
            <button
              type="button"
              class="button button--secondary"
              onClick={() => edit((r) => ({ ...r, actingHeads: [...r.actingHeads, { from: "", to: "" }] }))}
            >
              {t("calendar.addActingHead")}
            </button>
          </fieldset>
          {general.map((issue) => (
            <Notice key={`${issue.code}-${issue.field ?? ""}`} kind="error">
              {issueText(t, issue)}
            </Notice>
          ))}
          <button type="submit" class="button" disabled={action.busy}>
            {t("calendar.save")}
          </button>{" "}
          <button
            type="button"
            class="button button--secondary"
            disabled={action.busy}
            onClick={() => {
              action.refuse([]);
              setRows(undefined);
            }}
          >
            {t("calendar.cancel")}
          </button>
        </form>
      )}
      <h3>{t("calendar.history")}</h3>
      {history.status === "loading" && <Loading />}
      {history.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {history.status === "ready" &&
        (history.value.length === 0 ? (
          <p>{t("calendar.historyNone")}</p>
        ) : (
          <ul class="role-history" aria-label={t("calendar.history")}>
            {history.value.map((entry) => (
              <li key={entry.id}>
                {t("calendar.historyEntry", {
                  actor: entry.actor.name,
                  elections: entry.after.elections.length,
                  actingHeads: entry.after.actingHeads.length,
                })}
                <br />
                <span class="muted">{formatDateTime(entry.at, locale)}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
