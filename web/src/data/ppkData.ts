/** The 3 besar of a post as the final ranking left them, for the PPK's choice (rules: staff of the tenant). */
import { doc, getDoc } from "firebase/firestore";
import { COLLECTIONS } from "@domain/collections";
import { finalistsOf, type NamedFinalist } from "@domain/scoring/ppkChoice";
import { liveDb } from "./live";

/** Empty when the final ranking of the post has not been computed yet. */
export async function readFinalists(selectionId: string, postId: string): Promise<NamedFinalist[]> {
  return finalistsOf(
    (await getDoc(doc(liveDb(), COLLECTIONS.rankings, `${selectionId}_${postId}_pemeringkatan`))).data(),
  );
}
