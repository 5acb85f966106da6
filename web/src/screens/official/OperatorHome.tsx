import type { SignedIn } from "../../ui/RequireSession";
import { InstansiHeading } from "./InstansiHeading";
import { InstansiSelections } from "./InstansiSelections";
import { NewSelectionButton } from "./NewSelectionButton";
import { NipDisputes } from "./NipDisputes";
import { RegionalCalendar } from "./RegionalCalendar";
import { StaffRoles } from "./StaffRoles";

/** The BKPSDM operator's home: the government's selections, who holds which role, and its election dates. */
export function OperatorHome({ session }: { session: SignedIn }) {
  const instansiId = session.claims?.instansi ?? "";
  return (
    <section>
      <InstansiHeading role="operator" instansiId={instansiId} />
      <InstansiSelections instansiId={instansiId} />
      <NewSelectionButton />
      <StaffRoles instansiId={instansiId} granters={session.claims?.roles ?? []} />
      <NipDisputes instansiId={instansiId} />
      <RegionalCalendar instansiId={instansiId} />
    </section>
  );
}
