import { scoreActivities, scoreResultToJson } from "../../src/core/score";
import { country, parsedOf, settings } from "./build";

describe("ranks: ties broken by engagement, then start date, then ID", () => {
  test("equal scores", () => {
    // All four: 0.40x3/5x90 + 0.35x3/5x90 + 0.25x3/5x90 = 54.0, x (0.4 + 0.6 x 2/4 = 0.70) = 37.8; same engagement.
    const acts = [
      { id: "C", need: 3, valueAdded: 3, engagement: 3, startDate: "2024-01-01" },
      { id: "B", need: 3, valueAdded: 3, engagement: 3, startDate: "2023-07-01" },
      { id: "A", need: 3, valueAdded: 3, engagement: 3, startDate: "2024-01-01" },
      { id: "D", need: 3, valueAdded: 3, engagement: 3, startDate: null },
    ];
    const { activities } = scoreActivities(parsedOf(acts), settings());
    expect(activities.map((a) => a.score)).toEqual([37.8, 37.8, 37.8, 37.8]);
    // B starts first; A before C by ID; D has no start date: last.
    expect(activities.map((a) => [a.id, a.rank])).toEqual([
      ["C", 3],
      ["B", 1],
      ["A", 2],
      ["D", 4],
    ]);
  });

  test("higher engagement wins a tie on score", () => {
    const e = scoreActivities(
      parsedOf([
        { id: "X", need: 3, valueAdded: 3, engagement: 2 },
        { id: "Y", need: 3, valueAdded: 3, engagement: 4 },
      ]),
      settings({ weights: { need: 1, valueAdded: 0, engagement: 0, priorityBonus: 0 }, engagementFloor: 1 }),
    ).activities;
    // Engagement has weight 0 and a floor of 1 here, so both score 1.0 x 3/5 x 100 = 60.0; Y is more engaged.
    expect(e.map((a) => a.score)).toEqual([60, 60]);
    expect(e.map((a) => a.rank)).toEqual([2, 1]);
  });
});

describe("bands", () => {
  test("thresholds are inclusive at the lower edge", () => {
    // need weight only, no bonus, floor 1: score = need/5 x 100 -> 20, 40, 60, 80, 100
    const s = settings({
      weights: { need: 1, valueAdded: 0, engagement: 0, priorityBonus: 0 },
      engagementFloor: 1,
      bands: { high: 80, medium: 40 },
    });
    const { activities } = scoreActivities(
      parsedOf([1, 2, 3, 4, 5].map((n) => ({ need: n, valueAdded: 1, engagement: 1 }))),
      s,
    );
    expect(activities.map((a) => [a.score, a.band])).toEqual([
      [20, "Low"],
      [40, "Medium"],
      [60, "Medium"],
      [80, "High"],
      [100, "High"],
    ]);
  });
});

describe("funding line on activities", () => {
  // need weight only, no bonus, floor 1: score = need x 20.
  const s = (funds: number) =>
    settings({
      weights: { need: 1, valueAdded: 0, engagement: 0, priorityBonus: 0 },
      engagementFloor: 1,
      availableFundsUsd: funds,
    });
  const acts = [
    { id: "F", need: 5, valueAdded: 1, engagement: 1, budgetUsd: 100_000, fundedUsd: 100_000 }, // no gap: funded
    { id: "G1", need: 5, valueAdded: 1, engagement: 1, budgetUsd: 100_000, fundedUsd: 40_000 }, // gap 60,000, score 100
    { id: "G2", need: 4, valueAdded: 1, engagement: 1, budgetUsd: 50_000, fundedUsd: null }, // gap 50,000, score 80
    { id: "G3", need: 3, valueAdded: 1, engagement: 1, budgetUsd: 50_000, fundedUsd: 0 }, // gap 50,000, score 60
    { id: "NB", need: 5, valueAdded: 1, engagement: 1, budgetUsd: null }, // no budget
    { id: "CX", need: 5, valueAdded: 1, engagement: 1, budgetUsd: 10_000, status: "Cancelled" },
    { id: "NS", need: null, valueAdded: 1, engagement: 1, budgetUsd: 10_000 }, // cannot be scored
  ];

  test("100,000 USD: G2 + G3 (140 points for 100,000) beat G1 (100 points for 60,000)", () => {
    const r = scoreActivities(parsedOf(acts), s(100_000));
    expect(r.activities.map((a) => [a.id, a.funding])).toEqual([
      ["F", "funded"],
      ["G1", "below the line"],
      ["G2", "recommended"],
      ["G3", "recommended"],
      ["NB", "not a candidate"],
      ["CX", "not a candidate"],
      ["NS", "not scored"],
    ]);
    expect(r.funding).toMatchObject({
      availableFundsUsd: 100_000,
      recommendedUsd: 100_000,
      recommendedScore: 140,
      candidates: 3,
      exact: true,
    });
    expect(r.activities[1]!.gapUsd).toBe(60_000);
  });

  test("110,000 USD: G1 + G2 (180 points for 110,000)", () => {
    const r = scoreActivities(parsedOf(acts), s(110_000));
    expect(r.activities.filter((a) => a.funding === "recommended").map((a) => a.id)).toEqual(["G1", "G2"]);
    expect(r.funding.recommendedUsd).toBe(110_000);
  });

  test("no funds: nothing recommended", () => {
    const r = scoreActivities(parsedOf(acts), s(0));
    expect(r.activities.some((a) => a.funding === "recommended")).toBe(false);
    expect(r.funding.recommendedUsd).toBe(0);
  });
});

describe("sensitivity", () => {
  test("an activity on a band edge is sensitive, one far from it is stable", () => {
    // Default weights, engagement 5 (gate 1.00), no priority country:
    // P: need 5, value 1 -> 36 + 6.3 + 22.5 = 64.8 (Medium). Its highest run, value added -20%:
    //    (0.40x1 + 0.28x0.2 + 0.25x1)/0.93 x 90 = 68.3, still below 70: stable.
    // Q: need 5, value 3 -> 36 + 18.9 + 22.5 = 77.4 (High). Its lowest run, need -20%:
    //    (0.32x1 + 0.35x0.6 + 0.25x1)/0.92 x 90 = 76.3, still High: stable.
    // R: need 5, value 2 -> 36 + 12.6 + 22.5 = 71.1 (High). Need -20% (the first run that moves it):
    //    (0.32x1 + 0.35x0.4 + 0.25x1)/0.92 x 90 = 69.5 -> Medium: sensitive.
    const { activities } = scoreActivities(
      parsedOf([
        { id: "P", need: 5, valueAdded: 1, engagement: 5 },
        { id: "Q", need: 5, valueAdded: 3, engagement: 5 },
        { id: "R", need: 5, valueAdded: 2, engagement: 5 },
      ]),
      settings(),
    );
    expect(activities.map((a) => [a.id, a.score, a.band])).toEqual([
      ["P", 64.8, "Medium"],
      ["Q", 77.4, "High"],
      ["R", 71.1, "High"],
    ]);
    expect(activities.map((a) => a.sensitivity)).toEqual(["stable", "stable", "sensitive"]);
    expect(activities[2]!.sensitivityNote).toBe("Need weight -20%: band High -> Medium");
  });

  test("a rank move beyond the threshold is sensitive", () => {
    // Eight activities N0..N7 (need 4, value 3, engagement 4) and Z (need 2, value 5, engagement 4): gate 0.85.
    const acts = [
      ...Array.from({ length: 8 }, (_, i) => ({
        id: `N${i}`,
        need: 4,
        valueAdded: 3,
        engagement: 4,
        startDate: `2024-0${(i % 9) + 1}-01`,
      })),
      { id: "Z", need: 2, valueAdded: 5, engagement: 4 },
    ];
    const r = scoreActivities(parsedOf(acts), settings({ rankSensitivityPlaces: 3 }));
    const z = r.activities.find((a) => a.id === "Z")!;
    // Z: 14.4 + 31.5 + 18 = 63.9 x 0.85 = 54.3; others: 28.8 + 18.9 + 18 = 65.7 x 0.85 = 55.8 -> Z ranks 9th.
    // Need -20% (the second run, after need +20% which moves Z down no further than 9th):
    //   Z (0.32x0.4 + 0.35x1 + 0.25x0.8)/0.92 x 90 x 0.85 = 56.4 > others (0.32x0.8 + 0.35x0.6 + 0.25x0.8)/0.92 x 90 x 0.85 = 55.4
    //   -> Z ranks 1st: 8 places, more than 3.
    expect(z.rank).toBe(9);
    expect(z.sensitivity).toBe("sensitive");
    expect(z.sensitivityNote).toBe("Need weight -20%: rank 9 -> 1");
    // The N activities move by one place at most (Z passing them): stable.
    expect(r.activities.filter((a) => a.id !== "Z").every((a) => a.sensitivity === "stable")).toBe(true);
    expect(r.sensitivity.runs).toHaveLength(8);
  });
});

describe("roll-ups", () => {
  test("by outcome, sub-outcome, approach, country and lead agency", () => {
    const s = settings({
      weights: { need: 1, valueAdded: 0, engagement: 0, priorityBonus: 0 },
      engagementFloor: 1,
      availableFundsUsd: 50_000,
      countries: [country("KEN", "Kenya"), country("UGA", "Uganda")],
    });
    const r = scoreActivities(
      parsedOf([
        {
          outcome: "1",
          subOutcome: "1.1",
          approach: "1.1.1",
          countries: ["KEN"],
          leadAgencies: ["UNODC"],
          need: 5,
          valueAdded: 1,
          engagement: 1,
          budgetUsd: 50_000,
        },
        {
          outcome: "1",
          subOutcome: "1.2",
          approach: "1.2.1",
          countries: ["KEN", "UGA"],
          leadAgencies: ["INTERPOL", "WCO"],
          need: 2,
          valueAdded: 1,
          engagement: 1,
        },
        {
          outcome: "2",
          subOutcome: "2.1",
          approach: "2.1.1",
          countries: [],
          leadAgencies: ["UNODC"],
          need: null,
          valueAdded: 1,
          engagement: 1,
        },
      ]),
      s,
    );
    // scores: 100 (recommended, gap 50,000), 40, not scored
    expect(r.rollups.outcome).toEqual([
      { key: "1", label: "1", count: 2, scored: 2, mean: 70, min: 40, max: 100, recommendedGapUsd: 50_000 },
      { key: "2", label: "2", count: 1, scored: 0, mean: null, min: null, max: null, recommendedGapUsd: 0 },
    ]);
    expect(r.rollups.country.map((x) => [x.key, x.count, x.mean])).toEqual([
      ["(none)", 1, null],
      ["KEN", 2, 70],
      ["UGA", 1, 40],
    ]);
    expect(r.rollups.leadAgency.map((x) => [x.key, x.count])).toEqual([
      ["INTERPOL", 1],
      ["UNODC", 2],
      ["WCO", 1],
    ]);
    expect(r.rollups.approach.map((x) => x.key)).toEqual(["1.1.1", "1.2.1", "2.1.1"]);
  });
});

describe("JSON", () => {
  test("the shape the CLI prints: score null and a reason for a row that cannot be scored", () => {
    const json = scoreResultToJson(
      scoreActivities(
        parsedOf([
          { id: "OK", need: 3, valueAdded: 3, engagement: 3 },
          { id: "NO", need: null },
        ]),
        settings(),
      ),
    );
    expect(Object.keys(json.activities[0]!)).toEqual(
      expect.arrayContaining(["id", "score", "rank", "band", "breakdown", "funding", "sensitivity", "reason"]),
    );
    expect(json.activities[0]).toMatchObject({
      id: "OK",
      score: 37.8,
      rank: 1,
      band: "Low",
      funding: "not a candidate",
      sensitivity: "stable",
      reason: null,
    });
    expect(json.activities[1]).toMatchObject({
      id: "NO",
      score: null,
      rank: null,
      band: null,
      breakdown: "",
      sensitivity: null,
    });
    expect(json.activities[1]!.reason).toMatch(/^Not scored: /);
    expect(Object.keys(json.rollups)).toEqual(["outcome", "subOutcome", "approach", "country", "leadAgency"]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
