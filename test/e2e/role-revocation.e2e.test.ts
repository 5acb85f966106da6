/**
 * Removing a role takes effect at once, on a phone that is open at that moment: a second operator of
 * Kota Metro watches the selections, the first removes their role, and the open page loses access
 * without waiting for the hour an ID token lives. A token signed before the removal is refused by the
 * callables too.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, SELECTIONS } from "../../seed/metro2021.js";
import { auth } from "../support/admin.js";
import { phoneContext, SCREENSHOTS } from "../support/browser.js";
import { call, signIn as signInOverHttp, uniqueSuffix } from "../support/callables.js";
import { useDemoSite } from "../support/demoSite.js";
import { failureOf, makeStaff, newRequestId } from "../support/process.js";
import { signIn } from "../support/session.js";

const demo = useDemoSite();
const METRO_TITLE = SELECTIONS["metro-2021-jpt"]!.title;

describe("role revocation", () => {
  it("sends a removed operator's open page out at once and refuses their next call", async () => {
    const email = `operator-dua.${uniqueSuffix()}@metrokota.demo`;
    const user = await auth.createUser({ email, password: DEMO_PASSWORD, emailVerified: true });
    await makeStaff(user.uid, email, "Agus Prasetyo, S.Kom.", { instansi: "kota-metro", roles: ["operator"] });

    try {
      const second = await (await phoneContext(demo.browser)).newPage();
      await signIn(second, email, "/operator");
      await expect.poll(() => second.locator(".card__title").allTextContents()).toContain(METRO_TITLE);
      // The token the second phone holds right now, as a tampered client would keep using it.
      const { idToken: staleToken } = await signInOverHttp(email, DEMO_PASSWORD);

      const first = await (await phoneContext(demo.browser)).newPage();
      await signIn(first, "operator@metrokota.demo", "/operator");
      // An operator is not offered the pejabat role at all.
      await expect
        .poll(() => first.locator("fieldset.checks label").allTextContents())
        .toEqual([" Operator BKPSDM", " Panitia seleksi"]);
      await first.getByLabel("Email pengguna").fill(email);
      await first.getByRole("checkbox", { name: "Panitia seleksi" }).uncheck();
      await first.getByRole("button", { name: "Simpan peran" }).click();
      await expect
        .poll(() => first.getByRole("status").allTextContents())
        .toContainEqual(expect.stringContaining(`Peran ${email} disimpan`));

      // The open page leaves the operator's screens: the members record is gone, the token refreshed.
      await expect.poll(() => new URL(second.url()).pathname).not.toBe("/operator");
      expect(["/peserta", "/masuk"]).toContain(new URL(second.url()).pathname);
      expect(await second.getByRole("heading", { name: "Halaman Operator BKPSDM" }).count()).toBe(0);
      await second.screenshot({ path: join(SCREENSHOTS, "removed-operator-360.png"), fullPage: true });

      const draft = await call("createDraft", { requestId: newRequestId(), year: 2027 }, staleToken);
      expect(failureOf(draft)).toEqual({ status: "PERMISSION_DENIED", codes: ["err.role.revoked"] });

      // And the first operator sees the change in the role history, under their own recorded name.
      await expect
        .poll(() => first.getByRole("list", { name: "Riwayat perubahan peran" }).locator("li").allTextContents())
        .toContainEqual(
          expect.stringContaining("Dewi Lestari, S.Sos. mengubah peran Agus Prasetyo, S.Kom.: Operator BKPSDM"),
        );
      await first.screenshot({ path: join(SCREENSHOTS, "staff-roles-360.png"), fullPage: true });
    } finally {
      await auth.deleteUser(user.uid);
    }
  });
});
