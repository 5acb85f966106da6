/**
 * Every entry point of the Seleksi backend. Each is a thin shell: who is calling, parse the input
 * with the schema the web app also uses, hand over to the module that does the work.
 */
import { onCall } from "firebase-functions/v2/https";
import { setGlobalOptions } from "firebase-functions/v2/options";
import { FUNCTIONS_REGION } from "./domain/deployment.js";
import { setStaffRolesInput, signUpInput } from "./domain/schemas/account.js";
import { registerCandidate as register } from "./accounts/registerCandidate.js";
import { setStaffRolesAs } from "./accounts/staffRoles.js";
import { parseInput, requireSignedIn } from "./shell/callable.js";
import { todayInIndonesia } from "./shell/clock.js";

setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: 20 });

/** A new candidate: Auth account, profile and NIP reservation in one step. */
export const registerCandidate = onCall(async (request) => {
  const input = parseInput(signUpInput(todayInIndonesia()), request.data);
  return register(input);
});

/** An operator grants or removes staff roles of a user within the operator's own instansi. */
export const setStaffRoles = onCall(async (request) => {
  const caller = requireSignedIn(request);
  const input = parseInput(setStaffRolesInput, request.data);
  return setStaffRolesAs(caller, input);
});
