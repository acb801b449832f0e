/**
 * Found by the trust suite, now fixed (ensureSheet positions only a sheet it creates): annotate through the
 * Excel adapter twice did not equal once in tab order. Set-up asks for Activities at tab 1 (after Cover); on the first run Cover
 * does not exist yet, so Activities stays first and Cover is inserted before it, which leaves the
 * user's own sheet between Cover and Activities; the second run moves Activities to tab 1. The file
 * host and the in-memory port leave an existing sheet where it is, so the hosts disagree as well.
 */
import { annotateWorkbook } from "../../src/app/annotate";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { createExcelPort } from "../../src/hosts/excel/excel-workbook-port";
import { SimWorkbook, simulatedRun } from "../../src/hosts/excel/simulation";

describe("annotate through the Excel adapter on a workbook with a user sheet after Activities", () => {
  it("gives the same tab order on the second run as on the first", async () => {
    const sim = SimWorkbook.fromGrids({
      Activities: [
        [...ACTIVITY_HEADERS],
        [
          "ACT-001",
          "Train customs officers",
          "1",
          "1.1",
          "1.1.1",
          "UNODC",
          "National",
          "KEN",
          "Implementation",
          "In progress",
          45108,
          45657,
          100000,
          50000,
          0.5,
          3,
          4,
          3,
          null,
        ],
      ],
      "Country import": [["Réf.", "Intitulé"]],
    });
    const port = createExcelPort(simulatedRun(sim), { isSetSupported: sim.isSetSupported });
    await annotateWorkbook(port, { asOf: "2025-06-30", generatedOn: "2025-07-01" });
    const once = sim.sheetNames();
    await annotateWorkbook(port, { asOf: "2025-06-30", generatedOn: "2025-07-01" });
    expect(sim.sheetNames()).toEqual(once);
  });
});
