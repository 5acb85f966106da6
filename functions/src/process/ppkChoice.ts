/**
 * The PPK chooses one of a post's 3 besar on a phone: one selection step (audit entry with the
 * reason, answer kept for retries) that writes `ppkChoices.{postId}` once. The finalists come from
 * the post's final ranking as computed by functions, never from the phone; a Sekda of a
 * kabupaten/kota waits for the governor's answer first (domain/scoring/ppkChoice.ts).
 */
import type { Transaction } from "firebase-admin/firestore";
import type { z } from "zod/mini";
import { COLLECTIONS } from "../domain/collections.js";
import { profileById } from "../domain/regulation/profiles.js";
import {
  checkPpkChoice,
  governorConsultation,
  regionKindOf,
  choosePpkOutput,
  finalistsOf,
  type ChoosePpkInput,
  type NamedFinalist,
} from "../domain/scoring/ppkChoice.js";
import { db } from "../shell/admin.js";
import type { Caller } from "../shell/callable.js";
import { issueError } from "../shell/errors.js";
import { runSelectionStep } from "./step.js";

/** The 3 besar of the post's final ranking; none when it was not computed. */
async function finalistsIn(tx: Transaction, selectionId: string, postId: string): Promise<NamedFinalist[]> {
  return finalistsOf(
    (await tx.get(db.collection(COLLECTIONS.rankings).doc(`${selectionId}_${postId}_pemeringkatan`))).data(),
  );
}

export async function choosePpk(
  caller: Caller,
  input: ChoosePpkInput,
  now: Date,
): Promise<z.output<typeof choosePpkOutput>> {
  if (!caller.claims?.roles.includes("pejabat")) {
    throw issueError("permission-denied", [{ code: "err.ppk.pejabatOnly" }]);
  }
  const request = { caller, ...input, action: "choosePpk", answer: choosePpkOutput, now };
  return runSelectionStep(request, async ({ tx, selection, at }) => {
    if (selection.stage !== "penetapan") throw issueError("failed-precondition", [{ code: "err.ppk.wrongStage" }]);
    const post = selection.posts.find((p) => p.id === input.postId);
    if (!post || selection.postDecisions[post.id] === "cancelPost") {
      throw issueError("failed-precondition", [{ code: "err.ppk.noPost", field: "postId" }]);
    }
    const earlier = selection.ppkChoices[post.id];
    if (earlier) {
      throw issueError("failed-precondition", [{ code: "err.ppk.alreadyChosen", params: { name: earlier.name } }]);
    }
    const profile = profileById(selection.regulationProfileId);
    const consultation = profile
      ? governorConsultation(profile, regionKindOf(selection.instansiName), post.name)
      : { needed: false as const };
    if (consultation.needed && !selection.governorConsultation) {
      throw issueError("failed-precondition", [
        { code: "err.ppk.governorFirst", params: { post: post.name, cite: consultation.cite } },
      ]);
    }
    const finalists = await finalistsIn(tx, input.selectionId, post.id);
    if (finalists.length === 0) throw issueError("failed-precondition", [{ code: "err.ppk.noRanking" }]);
    const issues = checkPpkChoice(finalists, input);
    if (issues.length > 0) throw issueError("invalid-argument", issues);
    const chosen = finalists.find((f) => f.applicationId === input.applicationId)!;
    const choice = {
      applicationId: chosen.applicationId,
      name: chosen.name,
      rank: chosen.rank,
      reason: input.reason.trim(),
      chosenBy: caller.uid,
      chosenByName: caller.name,
      chosenAt: at,
    };
    return {
      result: { postId: post.id, applicationId: chosen.applicationId, rank: chosen.rank },
      write: { update: { [`ppkChoices.${post.id}`]: choice } },
      audit: {
        actor: { uid: caller.uid, name: caller.name, role: "pejabat" },
        action: "choosePpk",
        to: null,
        reason: `${post.name}: ${chosen.name} (${chosen.rank})${choice.reason ? ` — ${choice.reason}` : ""}`,
        reference: post.id,
      },
    };
  });
}
