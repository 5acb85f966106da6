import { describe, expect, it } from "vitest";
import type { ScoringPlan } from "../selection/setup.js";
import { aggregate, cellOf, printed, roundedTotal, totalOf, type AggregateTable, type Mark } from "./aggregate.js";
import { roundHalfUp } from "./exact.js";

const first = (table: AggregateTable) => cellOf(table, 0, 0)!;

const direct = (id: string, weight: number, max = 100) => ({
  id,
  label: id,
  weight,
  stage: "wawancara" as const,
  scale: { min: 0, max },
});
const plan = (extra: Partial<ScoringPlan> = {}): ScoringPlan => ({
  components: [direct("wawancara", 60), direct("rekam-jejak", 40)],
  finalistsPerPost: 3,
  ...extra,
});
const marks = (applicationId: string, componentId: string, values: number[]): Mark[] =>
  values.map((v, i) => ({ applicationId, componentId, memberUid: `m${i}`, marks: Math.round(v * 100) }));

describe("aggregate", () => {
  it("means the members' scores by default", () => {
    const table = aggregate(plan(), ["a"], marks("a", "wawancara", [70, 80, 90, 60, 100]));
    const cell = cellOf(table, 0, 0)!;
    expect(printed(cell.score)).toBe(80);
    expect(cell).toMatchObject({ scorers: 5, trimmed: false });
  });

  it("drops the highest and the lowest when the plan says so and at least five scored", () => {
    const trimmed = plan({ aggregation: "trimmedMean" });
    const five = first(aggregate(trimmed, ["a"], marks("a", "wawancara", [70, 80, 90, 60, 100])));
    expect(five).toMatchObject({ scorers: 3, trimmed: true });
    expect(printed(five.score)).toBe(80); // (70 + 80 + 90) / 3
    const skewed = first(aggregate(trimmed, ["a"], marks("a", "wawancara", [75, 75, 80, 40, 100])));
    expect(printed(skewed.score)).toBe(76.67); // (75 + 75 + 80) / 3 = 76.666…
    const four = first(aggregate(trimmed, ["a"], marks("a", "wawancara", [70, 80, 90, 100])));
    expect(four).toMatchObject({ scorers: 4, trimmed: false });
    expect(printed(four.score)).toBe(85);
  });

  it("converts by the scale's maximum: 7.5 of 10 is 75.00", () => {
    const tens: ScoringPlan = { components: [direct("wawancara", 100, 10)], finalistsPerPost: 3 };
    const cell = first(aggregate(tens, ["a"], marks("a", "wawancara", [7.5])));
    expect(printed(cell.score)).toBe(75);
    expect(printed(cell.points)).toBe(75);
  });

  it("an imported result is its raw total over the report's maximum: 312 of 400 is 78.00", () => {
    const imported: ScoringPlan = {
      components: [{ ...direct("asesmen", 40), imported: { rawMax: 400 } }, direct("wawancara", 60)],
      finalistsPerPost: 3,
      aggregation: "trimmedMean",
    };
    const cell = first(
      aggregate(imported, ["a"], [{ applicationId: "a", componentId: "asesmen", memberUid: "import", marks: 31200 }]),
    );
    expect(printed(cell.score)).toBe(78);
    expect(printed(cell.points)).toBe(31.2);
  });

  it("rounds once, at the end: the total is the rounded exact sum, not the sum of rounded parts", () => {
    // Thirds: each component's points are 33.333… (printed 33.33), the total is exactly 100.
    const thirds: ScoringPlan = {
      components: [direct("a1", 33.33), direct("a2", 33.33), direct("a3", 33.34)],
      finalistsPerPost: 3,
    };
    // Scores of 100 on every component: points 33.33 + 33.33 + 33.34 = 100.00.
    const full = aggregate(
      thirds,
      ["x"],
      [...marks("x", "a1", [100]), ...marks("x", "a2", [100]), ...marks("x", "a3", [100])],
    );
    expect(printed(totalOf(full, 0))).toBe(100);
    // Three members' means of a third of a hundredth each: 80 + 1/3 · 0.01 three times.
    const equal: ScoringPlan = { components: [direct("b1", 50), direct("b2", 50)], finalistsPerPost: 3 };
    const table = aggregate(
      equal,
      ["y"],
      [
        ...marks("y", "b1", [80, 80, 80.01]), // 80.00333… → 80.00, points 40.001666… → 40.00
        ...marks("y", "b2", [80, 80, 80.01]),
      ],
    );
    const [b1, b2] = [cellOf(table, 0, 0)!, cellOf(table, 0, 1)!];
    expect(printed(b1.points) + printed(b2.points)).toBe(80);
    expect(printed(totalOf(table, 0))).toBe(80); // 80.00333… rounds down
    const half = aggregate(equal, ["z"], [...marks("z", "b1", [80, 80.01]), ...marks("z", "b2", [80, 80.01])]);
    // 80.005 exactly on each, 40.0025 points each → 80.005 → half up → 80.01, though the parts print 40.00.
    expect(printed(cellOf(half, 0, 0)!.points)).toBe(40);
    expect(printed(totalOf(half, 0))).toBe(80.01);
  });

  it("does not depend on the order of marks or candidates", () => {
    const all = [
      ...marks("a", "wawancara", [71, 83.5, 90]),
      ...marks("b", "wawancara", [60, 65]),
      ...marks("a", "rekam-jejak", [88]),
    ];
    const one = aggregate(plan(), ["a", "b"], all);
    const two = aggregate(plan(), ["b", "a", "a"], [...all].reverse());
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.applicationIds).toEqual(["a", "b"]);
  });

  it("ignores marks of anyone or anything not asked for (interim: only some components)", () => {
    const table = aggregate(
      plan(),
      ["a"],
      [...marks("a", "wawancara", [80]), ...marks("z", "wawancara", [10])],
      ["wawancara"],
    );
    expect(table.components.map((c) => c.id)).toEqual(["wawancara"]);
    expect(table.scorers).toHaveLength(1);
    expect(printed(totalOf(table, 0))).toBe(48);
  });

  it("the fast rounded total equals the exact one, over many mixed tables", () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const mixed: ScoringPlan = {
      components: [
        {
          ...direct("c1", 12.5, 5),
          rubric: {
            indicators: [
              { id: "a", label: "a" },
              { id: "b", label: "b" },
            ],
            levels: [],
          },
        },
        direct("c2", 33.33, 100),
        { ...direct("c3", 20.17), imported: { rawMax: 437.5 } },
        direct("c4", 34, 7),
      ],
      finalistsPerPost: 3,
      aggregation: "trimmedMean",
    };
    const fulls = [1000, 10000, 43750, 700];
    for (let round = 0; round < 200; round++) {
      const all: Mark[] = [];
      for (const [j, c] of mixed.components.entries()) {
        const scorers = c.imported ? 1 : 1 + random(9);
        for (let m = 0; m < scorers; m++) {
          all.push({ applicationId: "x", componentId: c.id, memberUid: `m${m}`, marks: random(fulls[j]! + 1) });
        }
      }
      const table = aggregate(mixed, ["x"], all);
      expect(roundedTotal(table, 0)).toBe(roundHalfUp(totalOf(table, 0)));
      const use = [true, false, true, random(2) === 1];
      expect(roundedTotal(table, 0, use)).toBe(roundHalfUp(totalOf(table, 0, use)));
    }
  });
});
