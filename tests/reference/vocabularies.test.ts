import fc from "fast-check";
import {
  LEVELS,
  LEVEL_ALIASES,
  STAGES,
  STAGE_ALIASES,
  STATUSES,
  STATUS_ALIASES,
  matchLevel,
  matchStage,
  matchStatus,
  suggestLevel,
  suggestStage,
  suggestStatus,
} from "../../src/core/reference";

describe("levels", () => {
  test.each([
    ["national", "National"],
    ["Nacional", "National"],
    ["Régional", "Regional"],
    ["Regional", "Regional"],
    ["regional", "Regional"],
    ["sub-regional", "Regional"],
    ["Intl", "International"],
    ["International", "International"],
    ["Internacional", "International"],
    ["global", "International"],
    ["Inter-regional", "International"],
  ])("%j -> %s", (text, value) => {
    expect(matchLevel(text)).toEqual({ value, confidence: 1 });
  });
  test("unknown level", () => {
    expect(matchLevel("provincial")).toBeNull();
    expect(suggestLevel("Nat", 1)).toEqual(["National"]);
  });
});

describe("stages", () => {
  test.each([
    ["Reporting/evaluation", "Reporting"],
    ["Evaluation", "Reporting"],
    ["évaluation", "Reporting"],
    ["Planification", "Planning"],
    ["Mise en oeuvre", "Implementation"],
    ["mise en œuvre", "Implementation"],
    ["MISE EN ŒUVRE", "Implementation"],
    ["Ejecución", "Implementation"],
    ["identification", "Identification"],
  ])("%j -> %s", (text, value) => {
    expect(matchStage(text)).toEqual({ value, confidence: 1 });
  });
  test("unknown stage", () => {
    expect(matchStage("brainstorm")).toBeNull();
    expect(suggestStage("Impl", 1)).toEqual(["Implementation"]);
  });
});

describe("statuses", () => {
  test.each([
    ["ongoing", "In progress"],
    ["done", "Completed"],
    ["En cours", "In progress"],
    ["Terminé", "Completed"],
    ["Termine", "Completed"],
    ["Non commencé", "Not started"],
    ["Non commence", "Not started"],
    ["Planifié", "Planned"],
    ["Planifie", "Planned"],
    ["Retardé", "Delayed"],
    ["Annulé", "Cancelled"],
    ["En curso", "In progress"],
    ["Completado", "Completed"],
    ["canceled", "Cancelled"],
    ["NOT STARTED", "Not started"],
    ["on hold", "Delayed"],
  ])("%j -> %s", (text, value) => {
    expect(matchStatus(text)).toEqual({ value, confidence: 1 });
  });
  test("a typo is a near match", () => {
    const m = matchStatus("Complted");
    expect(m?.value).toBe("Completed");
    expect(m!.confidence).toBeLessThan(1);
  });
  test("unknown status", () => {
    expect(matchStatus("maybe")).toBeNull();
    expect(suggestStatus("in prog", 1)).toEqual(["In progress"]);
  });
});

describe("vocabulary properties", () => {
  const stripAccents = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const lists = [
    { values: LEVELS, aliases: LEVEL_ALIASES as Record<string, readonly string[]>, match: matchLevel },
    { values: STAGES, aliases: STAGE_ALIASES as Record<string, readonly string[]>, match: matchStage },
    { values: STATUSES, aliases: STATUS_ALIASES as Record<string, readonly string[]>, match: matchStatus },
  ];
  const cases = lists.flatMap((l) =>
    l.values.flatMap((v) => [v, ...(l.aliases[v] ?? [])].map((alias) => ({ v, alias, match: l.match }))),
  );

  test("every value and alias, in random case, with or without accents and padding, matches itself", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("", " ", "   ", "\u00a0"),
        (c, upper, strip, pad) => {
          let text = upper ? c.alias.toUpperCase() : c.alias.toLowerCase();
          if (strip) text = stripAccents(text);
          expect(c.match(`${pad}${text}${pad}`)).toEqual({ value: c.v, confidence: 1 });
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("random text never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        for (const l of lists) {
          const m = l.match(s);
          expect(m === null || (l.values as readonly string[]).includes(m.value)).toBe(true);
        }
      }),
    );
  });
});
