import { describe, expect, it } from "vitest";
import { SELECTIONS } from "../../../seed/metro2021";
import { selectionsOrBroken } from "./selectionRead";

const METRO = SELECTIONS["metro-2021-jpt"]!;
const docOf = (id: string, data: Record<string, unknown>) => ({ id, data: () => data });

describe("selectionsOrBroken (the officials' and the pansel's lists)", () => {
  it("keeps a selection whose stored document does not parse, marked broken with its findings", () => {
    const listed = selectionsOrBroken([
      docOf("metro", { ...METRO }),
      docOf("damaged", { ...METRO, title: "Seleksi rusak", posts: ["x"] }),
      docOf("untitled", { instansiId: "kota-metro", panselUids: ["p"] }),
    ]);

    expect(listed.map((s) => s.id)).toEqual(["metro", "damaged", "untitled"]);
    expect("broken" in listed[0]!).toBe(false);
    expect(listed[1]).toMatchObject({ broken: true, title: "Seleksi rusak" });
    expect(listed[1] && "broken" in listed[1] && listed[1].findings.map((f) => f.field)).toEqual(["posts.0"]);
    // Without a readable title the id names it.
    expect(listed[2]).toMatchObject({ broken: true, title: "untitled" });
  });
});
