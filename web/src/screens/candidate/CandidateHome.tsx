/** A candidate's home: their profile as the NIP and sign-up recorded it, and what they may apply for. */
import type { ProfileDoc } from "@domain/schemas/documents";
import { formatNip } from "@domain/nip";
import { useT } from "../../i18n/i18n";
import type { SignedIn } from "../../ui/RequireSession";
import { useLive } from "../../ui/useLive";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { SelectionList } from "../public/SelectionList";
import { usePublicSelections } from "../public/usePublicSelections";
import { AccountState } from "./AccountState";
import { MyApplications } from "./MyApplications";

export function CandidateHome({ session }: { session: SignedIn }) {
  const t = useT();
  const profile = useLive<ProfileDoc | undefined>(async () => {
    const { watchProfile } = await import("../../data/live");
    return (next, fail) => watchProfile(session.uid, next, fail);
  }, [session.uid]);
  const selections = usePublicSelections();
  const open = selections.status === "ready" ? selections.selections.filter((s) => s.stage === "pendaftaran") : [];

  return (
    <section>
      <h1>{t("candidate.title")}</h1>
      {profile.status === "loading" && <Loading />}
      {profile.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {profile.status === "ready" && !profile.value && <Notice kind="info">{t("candidate.noProfile")}</Notice>}
      {profile.status === "ready" && profile.value && (
        <>
          <p class="lead">{t("candidate.welcome", { name: profile.value.name })}</p>
          <h2>{t("candidate.profile")}</h2>
          <dl class="facts">
            <dt>{t("candidate.nip")}</dt>
            <dd data-testid="profile-nip">{formatNip(profile.value.nip)}</dd>
            <dt>{t("candidate.email")}</dt>
            <dd>{profile.value.email}</dd>
            <dt>{t("candidate.birthDate")}</dt>
            <dd>{profile.value.birthDate}</dd>
            <dt>{t("candidate.serviceStart")}</dt>
            <dd>{profile.value.serviceStart}</dd>
          </dl>
          <AccountState profile={profile.value} />
        </>
      )}
      <MyApplications uid={session.uid} />
      <h2>{t("candidate.openSelections")}</h2>
      {selections.status === "loading" ? <Loading /> : <SelectionList selections={open} />}
    </section>
  );
}
