/** On the candidate's home: how complete the stored profile is, and the way to the edit screen. */
import type { ProfileDoc } from "@domain/schemas/documents";
import { useMessages, useT } from "../../../i18n/i18n";
import { Loading } from "../../../ui/Loading";
import { CompletenessMeter } from "./Completeness";
import { formCompleteness, formFrom } from "./form";

export function ProfileCard({ profile }: { profile: ProfileDoc }) {
  const ready = useMessages("candidate");
  const t = useT();
  if (!ready) return <Loading />;
  return (
    <div class="panel" data-testid="profile-card">
      <CompletenessMeter completeness={formCompleteness(formFrom(profile))} linkTo="/peserta/profil" />
      <p>
        <a class="button button--secondary" href="/peserta/profil">
          {t("profile.edit.link")}
        </a>
      </p>
    </div>
  );
}
