import type { InstansiDoc } from "@domain/schemas/documents";
import type { StaffRole } from "@domain/roles";
import { useT } from "../../i18n/i18n";
import { useLive } from "../../ui/useLive";

/** "Halaman Operator BKPSDM" and the government's name, shared by every official's home. */
export function InstansiHeading({ role, instansiId }: { role: StaffRole; instansiId: string }) {
  const t = useT();
  const instansi = useLive<InstansiDoc | undefined>(async () => {
    const { watchInstansi } = await import("../../data/live");
    return (next, fail) => watchInstansi(instansiId, next, fail);
  }, [instansiId]);
  const name = instansi.status === "ready" && instansi.value ? instansi.value.name : instansiId;
  return (
    <>
      <h1>{t("official.title", { role: t(`role.${role}`) })}</h1>
      <p class="lead">{t("official.instansi", { name })}</p>
    </>
  );
}
