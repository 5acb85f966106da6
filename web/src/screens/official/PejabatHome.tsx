import type { SignedIn } from "../../ui/RequireSession";
import { InstansiHeading } from "./InstansiHeading";
import { InstansiSelections } from "./InstansiSelections";

/** The Sekda's or PPK's home: the selections awaiting their decisions live here. */
export function PejabatHome({ session }: { session: SignedIn }) {
  const instansiId = session.claims?.instansi ?? "";
  return (
    <section>
      <InstansiHeading role="pejabat" instansiId={instansiId} />
      <InstansiSelections instansiId={instansiId} />
    </section>
  );
}
