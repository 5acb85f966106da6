/** Posts still in the selection: a post cancelled for too few applicants has no finalists. */
import type { StoredSelection } from "./stored.js";

export function livePosts(s: Pick<StoredSelection, "posts" | "postDecisions">): StoredSelection["posts"] {
  return s.posts.filter((p) => s.postDecisions[p.id] !== "cancelPost");
}
