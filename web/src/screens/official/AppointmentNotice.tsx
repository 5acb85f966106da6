/**
 * Says on the officials' selection page, from setup on, when installing the chosen candidates will
 * need the Minister of Home Affairs' written approval: an election window or an acting regional head
 * (Penjabat) around the planned appointment, from the instansi's recorded dates. The gate before
 * pelantikan asks for the letter; this notice lets the operator request it in time.
 */
import { approvalReasons, plannedAppointmentDate } from "@domain/selection/appointment";
import { profileById } from "@domain/regulation/profiles";
import type { InstansiDoc } from "@domain/schemas/documents";
import type { SelectionWithId } from "../../data/live";
import { useLocale } from "../../i18n/i18n";
import { formatDate } from "../../ui/format";
import { Notice } from "../../ui/Notice";
import { useLive } from "../../ui/useLive";

export function AppointmentNotice({ selection }: { selection: SelectionWithId }) {
  const { t, locale } = useLocale();
  const instansi = useLive<InstansiDoc | undefined>(async () => {
    const { watchInstansi } = await import("../../data/live");
    return (next, fail) => watchInstansi(selection.instansiId, next, fail);
  }, [selection.instansiId]);
  const profile = profileById(selection.regulationProfileId);
  const planned = plannedAppointmentDate(selection.schedule);
  if (instansi.status !== "ready" || !instansi.value || !profile || !planned) return null;
  const reasons = approvalReasons(instansi.value, profile, [planned]);
  if (reasons.length === 0) return null;
  return (
    <Notice kind="info">
      {reasons.map((r) => (
        <p key={r.kind} data-testid={`appointment-${r.kind}`}>
          {t(`notice.appointment.${r.kind}`, {
            from: formatDate(r.from, locale),
            to: formatDate(r.to, locale),
            cite: r.cite,
          })}
        </p>
      ))}
    </Notice>
  );
}
