/** "Lamaran saya" on the candidate's home: their own applications, each opening its screen. */
import type { ApplicationWithId } from "../../data/applicationData";
import { useMessages, useT } from "../../i18n/i18n";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useLive } from "../../ui/useLive";

export function MyApplications({ uid }: { uid: string }) {
  const t = useT();
  const ready = useMessages("candidate");
  const apps = useLive<ApplicationWithId[]>(async () => {
    const { watchMyApplications } = await import("../../data/applicationData");
    return (next, fail) => watchMyApplications(uid, next, fail);
  }, [uid]);

  if (!ready || apps.status === "loading") return <Loading />;
  return (
    <>
      <h2>{t("apply.mine")}</h2>
      {apps.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {apps.status === "ready" && apps.value.length === 0 && <p class="muted">{t("apply.mine.none")}</p>}
      {apps.status === "ready" && apps.value.length > 0 && (
        <ul class="my-applications" data-testid="my-applications">
          {apps.value.map((a) => (
            <li key={a.id}>
              <a href={`/peserta/lamaran/${a.id}`}>{a.postName}</a>
              <br />
              <span class="muted">{t(`apply.status.${a.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
