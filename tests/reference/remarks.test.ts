import { parseAgencies, parseCountries } from "../../src/core/reference";

describe("names with a remark in the same cell", () => {
  test.each([
    ["UNODC (lead), WCO", ["UNODC", "WCO"]],
    ["INTERPOL (co-lead) / WCO", ["INTERPOL", "WCO"]],
    ["UNODC - lead; World Bank (support)", ["UNODC", "World Bank"]],
    ["OMD [chef de file] et INTERPOL", ["INTERPOL", "WCO"]],
  ])("%p -> %p", (text, agencies) => {
    expect(parseAgencies(text)).toMatchObject({ values: agencies, unknown: [] });
  });

  it("keeps a country's own brackets and strips a remark", () => {
    expect(parseCountries("Kenya (pilot), Uganda")).toMatchObject({ values: ["KEN", "UGA"], unknown: [] });
    expect(parseCountries("Bolivia (Plurinational State of)").values).toEqual(["BOL"]);
  });

  it("still reports a name it does not know, as written", () => {
    expect(parseAgencies("UNEP (lead), WCO")).toMatchObject({ values: ["WCO"], unknown: ["UNEP (lead)"] });
  });
});
