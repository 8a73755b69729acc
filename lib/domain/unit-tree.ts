// The unit tree in reading order (each unit followed by its subtree), for lists that show the hierarchy.
// Pure: callers pass the rows they read.

export type UnitRow = { id: string; parentId: string | null; sortOrder: number; code: string };
export type UnitNode<T extends UnitRow> = T & { children: UnitNode<T>[] };

/**
 * Builds the forest from flat rows: siblings ordered by `sortOrder`, then code. A row whose parent is not
 * among the rows becomes a root, so a partial list still shows every row once.
 */
export function buildUnitTree<T extends UnitRow>(rows: readonly T[]): UnitNode<T>[] {
  const nodes = new Map<string, UnitNode<T>>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: UnitNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: UnitRow, b: UnitRow) =>
    a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const sort = (list: UnitNode<T>[]) => {
    list.sort(order);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
