import { scoreActivities } from "../../src/core/score";
import { country, parsedOf, settings } from "./build";

// Default settings: weights need 0.40, value added 0.35, engagement 0.25 (sum 1.00), priority bonus 10
// points (so the three criteria share 100 - 10 = 90 points), engagement multiplier 0.4 at 1/5.
describe("score: hand-computed examples", () => {
  test("need 4, value added 5, engagement 3 in a priority country", () => {
    const s = settings({ countries: [country("KEN", "Kenya", { priority: true, need: 4, engagement: 3 })] });
    const { activities } = scoreActivities(parsedOf([{ countries: ["KEN"], valueAdded: 5 }]), s);
    // need        0.40 x 4/5 x 90 = 28.8
    // value added 0.35 x 5/5 x 90 = 31.5
    // engagement  0.25 x 3/5 x 90 = 13.5        points = 73.8
    // gate: 0.4 + 0.6 x (3 - 1)/4 = 0.70        73.8 x 0.70 = 51.66
    // priority bonus + 10                        = 61.66 -> 61.7, Medium (45 <= 61.7 < 70)
    const a = activities[0]!;
    expect(a.score).toBe(61.7);
    expect(a.band).toBe("Medium");
    expect(a.rank).toBe(1);
    expect(a.reason).toBeNull();
    expect(a.breakdown).toContain("Need 4/5 (Kenya) x weight 0.40 x 90.0 = 28.8");
    expect(a.breakdown).toContain("Value added 5/5 (this row) x weight 0.35 x 90.0 = 31.5");
    expect(a.breakdown).toContain("Engagement 3/5 (Kenya) x weight 0.25 x 90.0 = 13.5");
    expect(a.breakdown).toContain("Engagement 3/5 multiplies 73.8 by 0.70 = 51.7");
    expect(a.breakdown).toContain("Priority country (Kenya) +10.0");
    expect(a.contributions.map((c) => c.criterion)).toEqual([
      "Need",
      "Value added",
      "Engagement",
      "Engagement gate",
      "Priority country",
    ]);
  });

  test("high need cannot hide low engagement", () => {
    const { activities } = scoreActivities(
      parsedOf([
        { need: 5, valueAdded: 5, engagement: 1 },
        { need: 3, valueAdded: 3, engagement: 5 },
      ]),
      settings(),
    );
    // A: 36.0 + 31.5 + 0.25 x 1/5 x 90 = 4.5 -> 72.0; gate 0.40 -> 28.8 (Low)
    // B: 0.40x3/5x90 = 21.6 + 0.35x3/5x90 = 18.9 + 0.25x5/5x90 = 22.5 -> 63.0; gate 1.00 -> 63.0 (Medium)
    expect(activities.map((a) => a.score)).toEqual([28.8, 63]);
    expect(activities.map((a) => a.band)).toEqual(["Low", "Medium"]);
    expect(activities.map((a) => a.rank)).toEqual([2, 1]);
  });

  test("the row's own values override the country's", () => {
    const s = settings({ countries: [country("KEN", "Kenya", { need: 1, engagement: 1 })] });
    const { activities } = scoreActivities(
      parsedOf([{ countries: ["KEN"], need: 5, valueAdded: 5, engagement: 5 }]),
      s,
    );
    // 36 + 31.5 + 22.5 = 90 x 1.00, no priority country -> 90.0
    expect(activities[0]!.score).toBe(90);
    expect(activities[0]!.breakdown).toContain("Need 5/5 (this row)");
  });

  test("several countries: mean need, lowest engagement (or mean when Settings say so)", () => {
    const countries = [
      country("KEN", "Kenya", { need: 4, engagement: 2 }),
      country("UGA", "Uganda", { need: 3, engagement: 4 }),
    ];
    const rows = parsedOf([{ countries: ["KEN", "UGA"], valueAdded: 4 }]);
    const low = scoreActivities(rows, settings({ countries })).activities[0]!;
    // need mean 3.5: 0.40 x 3.5/5 x 90 = 25.2; value 0.35 x 4/5 x 90 = 25.2; engagement min 2: 0.25 x 2/5 x 90 = 9.0
    // points 59.4 x (0.4 + 0.6 x 1/4 = 0.55) = 32.67 -> 32.7
    expect(low.score).toBe(32.7);
    expect(low.breakdown).toContain("Need 3.5/5 (mean of Kenya 4, Uganda 3)");
    expect(low.breakdown).toContain("Engagement 2/5 (lowest of Kenya 2, Uganda 4)");
    const mean = scoreActivities(rows, settings({ countries, multiCountryEngagement: "mean" })).activities[0]!;
    // engagement mean 3: 13.5; points 63.9 x 0.70 = 44.73 -> 44.7
    expect(mean.score).toBe(44.7);
  });

  test("a mean of three countries is shown with two decimals, enough to redo the arithmetic", () => {
    const countries = [
      country("KEN", "Kenya", { need: 4, engagement: 5 }),
      country("TZA", "Tanzania", { need: 4, engagement: 4 }),
      country("UGA", "Uganda", { need: 3, engagement: 4 }),
    ];
    const a = scoreActivities(parsedOf([{ countries: ["KEN", "TZA", "UGA"], valueAdded: 4 }]), settings({ countries }))
      .activities[0]!;
    // need mean 11/3 = 3.667: 0.40 x 3.667/5 x 90 = 26.4; value 0.35 x 4/5 x 90 = 25.2; engagement min 4: 18.0
    // points 69.6 x 0.85 = 59.16 -> 59.2
    expect(a.breakdown).toContain("Need 3.67/5 (mean of Kenya 4, Tanzania 4, Uganda 3) x weight 0.40 x 90.0 = 26.4");
    expect(a.score).toBe(59.2);
  });

  test("a perfect activity in a priority country scores exactly 100; the weakest possible 7.2", () => {
    const s = settings({ countries: [country("KEN", "Kenya", { priority: true })] });
    const { activities } = scoreActivities(
      parsedOf([
        { countries: ["KEN"], need: 5, valueAdded: 5, engagement: 5 },
        { need: 1, valueAdded: 1, engagement: 1 },
      ]),
      s,
    );
    // 90 x 1 + 10 = 100;   (0.40 + 0.35 + 0.25) x 1/5 x 90 = 18.0 x 0.40 = 7.2
    expect(activities.map((a) => a.score)).toEqual([100, 7.2]);
  });

  test("weights are relative: doubling all three changes nothing", () => {
    const rows = parsedOf([{ need: 4, valueAdded: 2, engagement: 3 }]);
    const a = scoreActivities(rows, settings()).activities[0]!.score;
    const b = scoreActivities(
      rows,
      settings({ weights: { need: 0.8, valueAdded: 0.7, engagement: 0.5, priorityBonus: 10 } }),
    ).activities[0]!.score;
    expect(b).toBe(a);
  });

  test("a row missing a criterion everywhere is not scored, with a reason, never 0", () => {
    const s = settings({ countries: [country("KEN", "Kenya", { engagement: 3 })] });
    const { activities } = scoreActivities(parsedOf([{ countries: ["KEN"], valueAdded: 4 }]), s);
    const a = activities[0]!;
    expect(a.score).toBeNull();
    expect(a.rank).toBeNull();
    expect(a.band).toBeNull();
    expect(a.reason).toMatch(/Need is blank on the row and none of its countries has a Need/);
    expect(a.reason).not.toMatch(/Engagement is blank/);
    expect(a.funding).toBe("not scored");
  });

  test("rows with validation errors are not scored and carry the caller's reason", () => {
    const rows = parsedOf([
      { need: 5, valueAdded: 5, engagement: 5 },
      { need: 3, valueAdded: 3, engagement: 3 },
    ]);
    const { activities } = scoreActivities(rows, settings(), {
      invalidRows: new Map([[2, 'Approach "9.9.9" is not in the plan.']]),
    });
    expect(activities[0]!.score).toBeNull();
    expect(activities[0]!.reason).toBe(
      'Not scored: the row has a validation error: Approach "9.9.9" is not in the plan.',
    );
    expect(activities[1]!.rank).toBe(1);
  });

  test("a country code such as __proto__ is only a key", () => {
    const s = settings({ countries: [country("__proto__", "Odd", { need: 5, engagement: 5, priority: true })] });
    const { activities } = scoreActivities(parsedOf([{ countries: ["__proto__", "constructor"], valueAdded: 5 }]), s);
    expect(activities[0]!.score).toBe(100);
    expect(({} as Record<string, unknown>).need).toBeUndefined();
  });
});
