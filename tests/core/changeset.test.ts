import { changeSet, type ChangeOp } from "../../src/core/changeset";

describe("changeSet", () => {
  it("joins change sets longer than a call's argument limit, in order", () => {
    const many: ChangeOp[] = Array.from({ length: 300_000 }, (_, i) => ({
      kind: "clearNote",
      sheet: "Activities",
      cell: `A${i + 1}`,
    }));
    const joined = changeSet(many, { ops: many });
    expect(joined.ops).toHaveLength(600_000);
    expect(joined.ops[300_000]).toEqual({ kind: "clearNote", sheet: "Activities", cell: "A1" });
  });
});
