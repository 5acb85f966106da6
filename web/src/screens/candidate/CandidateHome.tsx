/**
 * A candidate's home: their profile as the NIP and sign-up recorded it, and the selections whose
 * registration is open, those open to them first (the setup's "open to" rule against the government
 * and province their profile names), each with the days left to apply.
 */
import type { OpenToCandidate } from "@domain/eligibility/openTo";
import { profileDoc, type ProfileDoc } from "@domain/schemas/documents";
import { candidateProfile } from "@domain/schemas/profile";
import { daysToApply } from "@domain/publication/listing";
import { openToOrder } from "@domain/publication/candidateList";
import { formatNip } from "@domain/nip";
import type { PublicSelection } from "../../data/publicData";
import { useMessages, useT } from "../../i18n/i18n";
import type { SignedIn } from "../../ui/RequireSession";
import { useLive } from "../../ui/useLive";
import { LoadError } from "../../ui/LoadError";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { MoreButton } from "../public/PublicHome";
import { SelectionList } from "../public/SelectionList";
import { usePublicSelections } from "../public/usePublicSelections";
import { AccountState } from "./AccountState";
import { ProfileCard } from "./profile/ProfileCard";

interface Profile {
  readonly doc: ProfileDoc | undefined;
  readonly openTo: OpenToCandidate;
}
import { MyApplications } from "./MyApplications";

export function CandidateHome({ session }: { session: SignedIn }) {
  const t = useT();
  const ready = useMessages("candidate");
  const profile = useLive<Profile>(async () => {
    const { watchProfileData } = await import("../../data/live");
    return (next, fail) =>
      watchProfileData(
        session.uid,
        (data) => {
          const signUp = profileDoc.safeParse(data);
          // The edit schema names where they serve; a profile without it (or not valid yet) cannot tell.
          const full = candidateProfile().safeParse(data);
          next({
            doc: signUp.success ? signUp.data : undefined,
            openTo: full.success ? { currentInstansi: full.data.currentInstansi, province: full.data.province } : {},
          });
        },
        fail,
      );
  }, [session.uid]);
  const selections = usePublicSelections({ closingSoon: true });
  if (!ready) return <Loading />;

  const candidate = profile.status === "ready" ? profile.value.openTo : {};
  const ordered = selections.status === "ready" ? openToOrder(selections.selections, candidate) : [];
  const statusOf = new Map(ordered.map((o) => [o.selection.id, o.status]));
  const now = Date.now();
  const extra = (s: PublicSelection) => {
    const status = statusOf.get(s.id) ?? "unknown";
    const days = daysToApply(s.registrationClosesAtMs, now);
    return (
      <>
        <span class="card__line" data-testid="open-to">
          {t(
            status === "met"
              ? "finding.openToYou"
              : status === "notMet"
                ? "finding.notOpenToYou"
                : "finding.openToUnknown",
          )}
        </span>
        {days !== null && (
          <span class="card__line" data-testid="days-left">
            {days === 1 ? t("finding.lastDay") : t("finding.daysLeft", { days })}
          </span>
        )}
      </>
    );
  };
  const doc = profile.status === "ready" ? profile.value.doc : undefined;

  return (
    <section>
      <h1>{t("candidate.title")}</h1>
      {profile.status === "loading" && <Loading />}
      {profile.status === "error" && <Notice kind="error">{t("app.loadError")}</Notice>}
      {profile.status === "ready" && !doc && <Notice kind="info">{t("candidate.noProfile")}</Notice>}
      {doc && (
        <>
          <p class="lead">{t("candidate.welcome", { name: doc.name })}</p>
          <h2>{t("candidate.profile")}</h2>
          <dl class="facts">
            <dt>{t("candidate.nip")}</dt>
            <dd data-testid="profile-nip">{formatNip(doc.nip)}</dd>
            <dt>{t("candidate.email")}</dt>
            <dd>{doc.email}</dd>
            <dt>{t("candidate.birthDate")}</dt>
            <dd>{doc.birthDate}</dd>
            <dt>{t("candidate.serviceStart")}</dt>
            <dd>{doc.serviceStart}</dd>
          </dl>
          <ProfileCard profile={doc} />
          <AccountState profile={doc} />
        </>
      )}
      <MyApplications uid={session.uid} />
      <h2>{t("candidate.openSelections")}</h2>
      {selections.status === "ready" && <SelectionList selections={ordered.map((o) => o.selection)} extra={extra} />}
      {selections.status === "loading" && <Loading />}
      {selections.status === "error" && <LoadError retry={selections.retry} />}
      <MoreButton list={selections} />
    </section>
  );
}
