/**
 * Guards a signed-in screen. The rules are what really protects data; this only sends people to
 * the right place: to sign in, or to their own home when the role does not match.
 */
import type { ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { hasRole, type StaffRole } from "@domain/roles";
import { loadAuth, session, type Session } from "../data/session";
import { useStore } from "../data/store";
import { useMessages } from "../i18n/i18n";
import { Loading } from "./Loading";

export type SignedIn = Extract<Session, { status: "signedIn" }>;

interface Props {
  /** One role, or any of several. */
  readonly role?: StaffRole | readonly StaffRole[];
  readonly screen: ComponentType<{ session: SignedIn }>;
}

export function RequireSession({ role, screen: Screen }: Props) {
  const current = useStore(session);
  const { route } = useLocation();
  const roles = role === undefined ? [] : typeof role === "string" ? [role] : role;
  const allowed =
    current.status === "signedIn" && (roles.length === 0 || roles.some((r) => hasRole(current.claims, r)));

  useEffect(() => {
    void loadAuth();
  }, []);
  useEffect(() => {
    if (current.status === "signedOut") route("/masuk", true);
    else if (current.status === "signedIn" && !allowed) route(current.home, true);
  }, [current, allowed, route]);

  // Staff screens speak the staff area of the catalogue; a candidate's screen needs only the core.
  const messagesReady = useMessages(roles.length > 0 ? "staff" : undefined);
  if (current.status !== "signedIn" || !allowed || !messagesReady) return <Loading />;
  return <Screen session={current} />;
}
