import type { SignedIn } from "../../ui/RequireSession";
import { ApprovalsInbox } from "./ApprovalsInbox";
import { InstansiHeading } from "./InstansiHeading";
import { InstansiSelections } from "./InstansiSelections";

/** The Sekda's or PPK's home: first what waits for their decision, then the selections. */
export function PejabatHome({ session }: { session: SignedIn }) {
  const instansiId = session.claims?.instansi ?? "";
  return (
    <section>
      <InstansiHeading role="pejabat" instansiId={instansiId} />
      <ApprovalsInbox instansiId={instansiId} uid={session.uid} />
      <InstansiSelections instansiId={instansiId} />
    </section>
  );
}
