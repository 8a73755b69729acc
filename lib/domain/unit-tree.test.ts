import { describe, expect, it } from "vitest";
import { buildUnitTree } from "./unit-tree";

const row = (id: string, parentId: string | null, sortOrder = 0, code = id.toUpperCase()) => ({
  id,
  parentId,
  sortOrder,
  code,
});

describe("buildUnitTree", () => {
  it("nests children under their parents, siblings by sort order then code", () => {
    const tree = buildUnitTree([
      row("town", "gov", 2),
      row("b", "gov", 1, "B"),
      row("a", "gov", 1, "A"),
      row("gov", null),
      row("village", "town"),
    ]);
    expect(tree.map((n) => n.id)).toEqual(["gov"]);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(["a", "b", "town"]);
    expect(tree[0]!.children[2]!.children.map((n) => n.id)).toEqual(["village"]);
  });

  it("keeps a row whose parent is missing as a root, so nothing is dropped", () => {
    const tree = buildUnitTree([row("orphan", "gone"), row("gov", null)]);
    expect(tree.map((n) => n.id).sort()).toEqual(["gov", "orphan"]);
  });

  it("keeps the rows' own fields", () => {
    const [gov] = buildUnitTree([{ ...row("gov", null), name: "示例县人民政府" }]);
    expect(gov).toMatchObject({ id: "gov", name: "示例县人民政府", children: [] });
  });
});
