import type { SignedIn } from "../../ui/RequireSession";
import { ApprovalsInbox } from "./ApprovalsInbox";
import { InstansiHeading } from "./InstansiHeading";
import { InstansiSelections } from "./InstansiSelections";
import { StaffRoles } from "./StaffRoles";

/** The Sekda's or PPK's home: what waits for their decision, the selections, and the pejabat they appoint. */
export function PejabatHome({ session }: { session: SignedIn }) {
  const instansiId = session.claims?.instansi ?? "";
  return (
    <section>
      <InstansiHeading role="pejabat" instansiId={instansiId} />
      <ApprovalsInbox instansiId={instansiId} uid={session.uid} />
      <InstansiSelections instansiId={instansiId} />
      <StaffRoles instansiId={instansiId} granters={session.claims?.roles ?? []} />
    </section>
  );
}
