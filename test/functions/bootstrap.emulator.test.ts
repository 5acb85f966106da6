/**
 * The platform administrator's command, run as a person runs it, against the emulators: the first
 * operator of a government gets a random password nobody sees and a one-time reset link, a pejabat
 * comes only from here (or another pejabat), and nobody is moved from another government.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { auth, db } from "../support/admin.js";
import { uniqueSuffix } from "../support/callables.js";

const RUN = uniqueSuffix();
const METRO = `kota-metro-boot-${RUN}`;
const PONTIANAK = `kota-pontianak-boot-${RUN}`;
const created: string[] = [];

async function bootstrap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("npx", ["tsx", "scripts/bootstrap-operator.ts", ...args], {
      env: { ...process.env, GCLOUD_PROJECT: "demo-seleksi" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

afterAll(async () => {
  if (created.length > 0) await auth.deleteUsers(created);
});

describe("npm run bootstrap-operator", () => {
  const email = `budi.${RUN}@bkpsdm.example.go.id`;

  it("makes a new operator with a password nobody saw and prints a one-time reset link", async () => {
    const run = await bootstrap("--email", email, "--name", "Budi Santoso", "--instansi", METRO);

    expect(run.code).toBe(0);
    const user = await auth.getUserByEmail(email);
    created.push(user.uid);
    expect(user.customClaims).toEqual({ instansi: METRO, roles: ["operator"] });
    expect(user.emailVerified).toBe(true);
    expect(run.stdout).toMatch(/oobCode=/);
    expect(run.stdout).not.toMatch(/password [^\s]+:|temporary password/i);
    const member = await db.doc(`${COLLECTIONS.instansi}/${METRO}/${COLLECTIONS.members}/${user.uid}`).get();
    expect(member.data()).toMatchObject({ name: "Budi Santoso", roles: ["operator"] });
    const audit = await db.collection(`${COLLECTIONS.instansi}/${METRO}/${COLLECTIONS.roleAudit}`).get();
    expect(audit.docs.map((d) => d.data())).toContainEqual(
      expect.objectContaining({ actor: expect.objectContaining({ as: "platformAdmin" }), after: ["operator"] }),
    );
  });

  it("refuses to make that operator a pejabat too", async () => {
    const run = await bootstrap("--email", email, "--instansi", METRO, "--role", "pejabat");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("both operator and official");
    expect((await auth.getUserByEmail(email)).customClaims).toEqual({ instansi: METRO, roles: ["operator"] });
  });

  it("refuses to move them to another government", async () => {
    const run = await bootstrap("--email", email, "--instansi", PONTIANAK);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`staff of ${METRO}`);
    expect((await auth.getUserByEmail(email)).customClaims).toEqual({ instansi: METRO, roles: ["operator"] });
  });

  it("refuses an existing account whose email nobody verified", async () => {
    const squatter = `sekda.${RUN}@example.go.id`;
    const user = await auth.createUser({ email: squatter, password: "Seleksi2025", emailVerified: false });
    created.push(user.uid);
    const run = await bootstrap("--email", squatter, "--instansi", METRO, "--role", "pejabat");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("not verified");
    expect((await auth.getUser(user.uid)).customClaims ?? {}).toEqual({});
  });
});
