/**
 * setStaffRoles and the trust the other callables put in a staff token, through the functions
 * emulator as a phone calls them. Each test is an attack the issue names: an operator making their
 * own approver, a role sent to an address nobody verified, a forged display name in the audit, a
 * removed operator still acting on a token that has not expired yet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { staffClaimsOf, type StaffRole } from "../../functions/src/domain/roles.js";
import type { RoleAuditDoc } from "../../functions/src/domain/schemas/documents.js";
import { auth, db } from "../support/admin.js";
import { call, signIn, uniqueSuffix } from "../support/callables.js";
import { emulatorHosts } from "../support/emulators.js";
import { failureOf, makeStaff, newRequestId, resultOf } from "../support/process.js";

const RUN = uniqueSuffix();
const METRO = `kota-metro-roles-${RUN}`;
const PONTIANAK = `kota-pontianak-roles-${RUN}`;
const PASSWORD = "Seleksi2025";
const created: string[] = [];

interface Account {
  readonly uid: string;
  readonly email: string;
  idToken: string;
}

const emailOf = (who: string) => `${who}.${RUN}@seleksi.demo`;

/** A signed-up user, as anyone can make one: the email is not verified. */
async function account(who: string, verified = false): Promise<Account> {
  const email = emailOf(who);
  const user = await auth.createUser({ email, password: PASSWORD, displayName: who, emailVerified: verified });
  created.push(user.uid);
  return { uid: user.uid, email, idToken: (await signIn(email, PASSWORD)).idToken };
}

/** Staff as setStaffRoles leaves them: claims, members record with the name the granter gave. */
async function staff(who: string, instansi: string, roles: StaffRole[], name = who): Promise<Account> {
  const email = emailOf(who);
  const user = await auth.createUser({ email, password: PASSWORD, displayName: who, emailVerified: true });
  created.push(user.uid);
  await makeStaff(user.uid, email, name, { instansi, roles });
  return { uid: user.uid, email, idToken: (await signIn(email, PASSWORD)).idToken };
}

const authUrl = (path: string) => `http://${emulatorHosts().auth}/${path}`;

/** Verifies an email the way its owner does: a link is sent, the emulator keeps it, the owner opens it. */
async function verifyEmail(who: Account): Promise<void> {
  const send = await fetch(authUrl("identitytoolkit.googleapis.com/v1/accounts:sendOobCode?key=demo"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requestType: "VERIFY_EMAIL", idToken: who.idToken }),
  });
  expect(send.ok).toBe(true);
  const codes = (await (await fetch(authUrl(`emulator/v1/projects/${emulatorHosts().projectId}/oobCodes`))).json()) as {
    oobCodes: { email: string; oobCode: string; requestType: string }[];
  };
  const code = codes.oobCodes.filter((c) => c.email === who.email && c.requestType === "VERIFY_EMAIL").at(-1);
  expect(code).toBeDefined();
  const apply = await fetch(authUrl("identitytoolkit.googleapis.com/v1/accounts:update?key=demo"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ oobCode: code?.oobCode }),
  });
  expect(apply.ok).toBe(true);
}

const memberRef = (instansi: string, uid: string) =>
  db.collection(COLLECTIONS.instansi).doc(instansi).collection(COLLECTIONS.members).doc(uid);

async function roleAudit(instansi: string, targetUid: string): Promise<RoleAuditDoc[]> {
  const snap = await db
    .collection(COLLECTIONS.instansi)
    .doc(instansi)
    .collection(COLLECTIONS.roleAudit)
    .where("target.uid", "==", targetUid)
    .get();
  return snap.docs.map((d) => d.data() as RoleAuditDoc).sort((a, b) => a.at.localeCompare(b.at));
}

const grant = (who: Account, data: { email: string; roles: StaffRole[]; name?: string }) =>
  call<{ uid: string; roles: StaffRole[] }>("setStaffRoles", data, who.idToken);

let operatorMetro: Account;
let pejabatMetro: Account;
let operatorPontianak: Account;

beforeAll(async () => {
  operatorMetro = await staff("operator-metro", METRO, ["operator"], "Dewi Lestari, S.Sos.");
  pejabatMetro = await staff("sekda-metro", METRO, ["pejabat"], "Drs. H. Bambang Irawan, M.M.");
  operatorPontianak = await staff("operator-pontianak", PONTIANAK, ["operator"]);
});

afterAll(async () => {
  if (created.length > 0) await auth.deleteUsers(created);
});

describe("who may call setStaffRoles", () => {
  it("requires a signed-in caller", async () => {
    const result = await call("setStaffRoles", { email: operatorMetro.email, roles: ["pansel"] });
    expect(failureOf(result)).toEqual({ status: "UNAUTHENTICATED", codes: ["err.auth.required"] });
  });

  it("refuses a candidate", async () => {
    const candidate = await account("self-promoting", true);
    const result = await grant(candidate, { email: candidate.email, roles: ["operator"] });
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.notGranter"] });
    expect(staffClaimsOf((await auth.getUser(candidate.uid)).customClaims)).toBeUndefined();
  });

  it("refuses a pansel member", async () => {
    const pansel = await staff("pansel-not-operator", METRO, ["pansel"]);
    const result = await grant(pansel, { email: pansel.email, roles: ["operator", "pansel"] });
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.notGranter"] });
  });

  it("refuses an operator whose own email is not verified", async () => {
    const email = emailOf("operator-unverified");
    const user = await auth.createUser({ email, password: PASSWORD, emailVerified: false });
    created.push(user.uid);
    await makeStaff(user.uid, email, "Operator", { instansi: METRO, roles: ["operator"] });
    const target = await account("target-of-unverified", true);
    const result = await grant(
      { uid: user.uid, email, idToken: (await signIn(email, PASSWORD)).idToken },
      { email: target.email, roles: ["pansel"] },
    );
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.notGranter"] });
  });
});

describe("separation of duties", () => {
  it("refuses an operator granting pejabat, and changes nothing", async () => {
    // The attack of the issue: a second account of the operator's, made pejabat, approves their proposals.
    const second = await account("operator-second-account", true);
    const result = await grant(operatorMetro, { email: second.email, roles: ["pejabat"] });
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.notGrantable"] });
    expect(result.ok ? undefined : result.issues[0]?.params).toEqual({ role: "pejabat" });
    expect(staffClaimsOf((await auth.getUser(second.uid)).customClaims)).toBeUndefined();
    expect((await memberRef(METRO, second.uid).get()).exists).toBe(false);
    expect(await roleAudit(METRO, second.uid)).toEqual([]);
  });

  it("refuses an operator making themselves pejabat", async () => {
    const result = await grant(operatorMetro, { email: operatorMetro.email, roles: ["operator", "pejabat"] });
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.notGrantable"] });
  });

  it("refuses operator and pejabat in one person, whoever grants", async () => {
    const sekda = await staff("sekda-made-operator", METRO, ["pejabat"]);
    const byOperator = await grant(operatorMetro, { email: sekda.email, roles: ["operator", "pejabat"] });
    expect(failureOf(byOperator)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.conflict"] });

    const operator = await staff("operator-made-pejabat", METRO, ["operator"]);
    const byPejabat = await grant(pejabatMetro, { email: operator.email, roles: ["operator", "pejabat"] });
    expect(failureOf(byPejabat)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.conflict"] });
    expect((await auth.getUser(operator.uid)).customClaims).toEqual({ instansi: METRO, roles: ["operator"] });
  });

  it("lets a pejabat grant pejabat, and nothing else", async () => {
    const ppk = await account("ppk-metro", true);
    expect(failureOf(await grant(pejabatMetro, { email: ppk.email, roles: ["operator"] }))).toEqual({
      status: "PERMISSION_DENIED",
      codes: ["err.role.notGrantable"],
    });

    const result = await grant(pejabatMetro, { email: ppk.email, roles: ["pejabat"], name: "Ir. Agus Salim, M.T." });

    expect(resultOf(result)).toEqual({ uid: ppk.uid, roles: ["pejabat"] });
    expect((await auth.getUser(ppk.uid)).customClaims).toEqual({ instansi: METRO, roles: ["pejabat"] });
    const [entry] = await roleAudit(METRO, ppk.uid);
    expect(entry?.actor).toEqual({ uid: pejabatMetro.uid, name: "Drs. H. Bambang Irawan, M.M.", as: "pejabat" });
  });

  it("lets no operator of another instansi change a user", async () => {
    const pansel = await staff("pansel-of-metro", METRO, ["pansel"]);
    const result = await grant(operatorPontianak, { email: pansel.email, roles: ["operator"] });
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.otherInstansi"] });
    expect((await auth.getUser(pansel.uid)).customClaims).toEqual({ instansi: METRO, roles: ["pansel"] });
    expect((await memberRef(PONTIANAK, pansel.uid).get()).exists).toBe(false);
  });

  it("does not let an operator remove their own operator role", async () => {
    const result = await grant(operatorMetro, { email: operatorMetro.email, roles: ["pansel"] });
    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.role.self"] });
    expect((await auth.getUser(operatorMetro.uid)).customClaims).toEqual({ instansi: METRO, roles: ["operator"] });
  });

  it("reports an email with no account, and a role that does not exist", async () => {
    expect(failureOf(await grant(operatorMetro, { email: emailOf("nobody"), roles: ["pansel"] }))).toEqual({
      status: "NOT_FOUND",
      codes: ["err.email.unknown"],
    });
    const bad = await call("setStaffRoles", { email: operatorMetro.email, roles: ["admin"] }, operatorMetro.idToken);
    expect(failureOf(bad)).toMatchObject({ status: "INVALID_ARGUMENT", codes: ["err.role.invalid"] });
  });
});

describe("a grant to a signed-up user, then its removal", () => {
  let user: Account;

  beforeAll(async () => {
    user = await account("calon-pansel");
  });

  it("refuses the grant while the user's email is not verified", async () => {
    const result = await grant(operatorMetro, { email: user.email, roles: ["pansel"] });
    expect(failureOf(result)).toEqual({ status: "FAILED_PRECONDITION", codes: ["err.role.unverified"] });
    expect(staffClaimsOf((await auth.getUser(user.uid)).customClaims)).toBeUndefined();
    expect((await memberRef(METRO, user.uid).get()).exists).toBe(false);
  });

  it("grants once the owner opened the verification link: claims, members record, marker, audit", async () => {
    await verifyEmail(user);
    expect((await auth.getUser(user.uid)).emailVerified).toBe(true);

    const result = await grant(operatorMetro, {
      email: user.email,
      roles: ["pansel"],
      name: "Prof. Dr. Hartini Saleh",
    });

    expect(resultOf(result)).toEqual({ uid: user.uid, roles: ["pansel"] });
    expect((await auth.getUser(user.uid)).customClaims).toEqual({ instansi: METRO, roles: ["pansel"] });
    expect((await memberRef(METRO, user.uid).get()).data()).toMatchObject({
      instansiId: METRO,
      email: user.email,
      name: "Prof. Dr. Hartini Saleh",
      roles: ["pansel"],
    });
    expect((await db.doc(`${COLLECTIONS.tokenRefresh}/${user.uid}`).get()).exists).toBe(true);
    const [entry, ...more] = await roleAudit(METRO, user.uid);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      instansiId: METRO,
      actor: { uid: operatorMetro.uid, name: "Dewi Lestari, S.Sos.", as: "operator" },
      target: { uid: user.uid, email: user.email, name: "Prof. Dr. Hartini Saleh" },
      before: [],
      after: ["pansel"],
    });
    expect(Date.now() - Date.parse(entry?.at ?? "")).toBeLessThan(60_000);
  });

  it("removes at once: claims, members record, refresh tokens, with an audit entry", async () => {
    const validBefore = Date.parse((await auth.getUser(user.uid)).tokensValidAfterTime ?? "");
    const before = (await db.doc(`${COLLECTIONS.tokenRefresh}/${user.uid}`).get()).updateTime;
    // Revocation counts in whole seconds: let one pass so the new limit is visibly later.
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const result = await grant(operatorMetro, { email: user.email, roles: [] });

    expect(resultOf(result)).toEqual({ uid: user.uid, roles: [] });
    expect(staffClaimsOf((await auth.getUser(user.uid)).customClaims)).toBeUndefined();
    expect((await memberRef(METRO, user.uid).get()).exists).toBe(false);
    const after = (await db.doc(`${COLLECTIONS.tokenRefresh}/${user.uid}`).get()).updateTime;
    expect(after && before && after.toMillis() > before.toMillis()).toBe(true);
    // Refresh tokens issued before now are revoked: the removed user's phone must sign in again (the
    // Auth emulator records this but, unlike production, still honours them).
    expect(Date.parse((await auth.getUser(user.uid)).tokensValidAfterTime ?? "")).toBeGreaterThan(validBefore);
    const entries = await roleAudit(METRO, user.uid);
    expect(entries.at(-1)).toMatchObject({ before: ["pansel"], after: [], actor: { uid: operatorMetro.uid } });
  });
});

describe("a staff token is honoured only while the members record backs it", () => {
  it("refuses a removed operator's still-valid token at once", async () => {
    const second = await staff("operator-removed", METRO, ["operator"]);
    const target = await account("target-of-removed", true);
    expect(resultOf(await grant(operatorMetro, { email: second.email, roles: [] }))).toEqual({
      uid: second.uid,
      roles: [],
    });

    // second.idToken was signed before the removal and still carries { roles: ["operator"] }.
    const asRemoved = await grant(second, { email: target.email, roles: ["pansel"] });
    expect(failureOf(asRemoved)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.revoked"] });
    const draft = await call("createDraft", { requestId: newRequestId(), year: 2026 }, second.idToken);
    expect(failureOf(draft)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.revoked"] });
    expect(staffClaimsOf((await auth.getUser(target.uid)).customClaims)).toBeUndefined();
  });

  it("refuses an operator moved to pansel, whose token still says operator", async () => {
    const moved = await staff("operator-moved", METRO, ["operator"]);
    resultOf(await grant(operatorMetro, { email: moved.email, roles: ["pansel"] }));
    const target = await account("target-of-moved", true);
    const result = await grant(moved, { email: target.email, roles: ["pansel"] });
    expect(failureOf(result)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.revoked"] });
  });

  it("writes the members record's name in the audit, not a display name the user forged", async () => {
    const operator = await staff("operator-forger", METRO, ["operator"], "Rina Wulandari, S.E.");
    // Anyone can set their own display name from the client; the token's `name` follows it.
    await auth.updateUser(operator.uid, { displayName: "Drs. H. Bambang Irawan, M.M. (Sekda)" });
    const forged = await signIn(operator.email, PASSWORD);
    const target = await account("target-of-forger", true);

    resultOf(await grant({ ...operator, idToken: forged.idToken }, { email: target.email, roles: ["pansel"] }));

    const [entry] = await roleAudit(METRO, target.uid);
    expect(entry?.actor).toEqual({ uid: operator.uid, name: "Rina Wulandari, S.E.", as: "operator" });
    expect(JSON.stringify(entry)).not.toContain("Sekda");

    // The selection's timeline (and so its proposals) names the caller the same way.
    await db
      .collection(COLLECTIONS.instansi)
      .doc(METRO)
      .set({ name: "Pemerintah Kota Metro", shortName: "Kota Metro", province: "Lampung", agency: "BKPSDM" });
    const { selectionId } = resultOf(
      await call<{ selectionId: string }>("createDraft", { requestId: newRequestId() }, forged.idToken),
    );
    const timeline = await db.collection(COLLECTIONS.selections).doc(selectionId).collection(COLLECTIONS.audit).get();
    expect(timeline.docs.map((d) => d.get("actor") as unknown)).toEqual([
      { uid: operator.uid, name: "Rina Wulandari, S.E.", role: "operator" },
    ]);
    await db.recursiveDelete(db.collection(COLLECTIONS.selections).doc(selectionId));
  });
});
