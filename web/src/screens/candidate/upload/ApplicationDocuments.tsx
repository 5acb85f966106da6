/**
 * /peserta/lamaran/:id/dokumen: the checklist of one of the candidate's applications, each entry with
 * its upload control. A small screen of its own so the uploads can be used (and tested on a phone)
 * before the application screen; that screen renders the same DocumentUpload per entry.
 */
import { useRoute } from "preact-iso";
import { useT, useMessages } from "../../../i18n/i18n";
import type { SignedIn } from "../../../ui/RequireSession";
import { useLive } from "../../../ui/useLive";
import { useAsync } from "../../../ui/useAsync";
import { Loading } from "../../../ui/Loading";
import { Notice } from "../../../ui/Notice";
import type { MyApplication } from "../../../data/uploads";
import { DocumentUpload } from "./DocumentUpload";

export function ApplicationDocuments(_props: { session: SignedIn }) {
  const t = useT();
  const ready = useMessages("candidate");
  const { params } = useRoute();
  const id = params["id"] ?? "";
  const application = useLive<MyApplication | undefined>(async () => {
    const { watchMyApplication } = await import("../../../data/uploads");
    return (next, fail) => watchMyApplication(id, next, fail);
  }, [id]);
  const app = application.status === "ready" ? application.value : undefined;
  const checklist = useAsync(
    () =>
      app
        ? import("../../../data/uploads").then((m) => m.readChecklist(app.selectionId, app.postId))
        : Promise.resolve([]),
    [app?.selectionId, app?.postId],
  );

  if (!ready || application.status === "loading") return <Loading />;
  if (application.status === "error" || !app) return <Notice kind="error">{t("upload.notFound")}</Notice>;
  return (
    <section class="narrow">
      <h1>{t("upload.title")}</h1>
      <p class="lead">{app.postName}</p>
      {app.status !== "draft" && <Notice kind="info">{t("upload.locked")}</Notice>}
      {checklist.status === "error" ? (
        <Notice kind="error">{t("app.loadError")}</Notice>
      ) : checklist.status !== "ready" ? (
        <Loading />
      ) : (
        <ul class="uploads">
          {checklist.value.map((requirement) => (
            <li key={requirement.id}>
              {app.status === "draft" ? (
                <DocumentUpload
                  applicationId={id}
                  instansiId={app.instansiId}
                  selectionId={app.selectionId}
                  postId={app.postId}
                  requirement={requirement}
                  current={app.documents[requirement.id]}
                />
              ) : (
                <p>
                  {requirement.label}: {t(`upload.status.${app.documents[requirement.id]?.status ?? "missing"}`)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
