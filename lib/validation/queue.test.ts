import { describe, expect, it } from "vitest";
import { parseQueueParams, queueSearch } from "./queue";

describe("parseQueueParams", () => {
  it("reads the GET form; empty fields are absent", () => {
    const { params, problems } = parseQueueParams({
      tab: "overdue",
      page: "2",
      category: "cat-1",
      channel: "LETTER",
      township: "",
      from: "2026-03-01",
      to: "2026-03-31",
      q: " 路灯 ",
    });
    expect(params).toEqual({
      tab: "overdue",
      page: 2,
      categoryId: "cat-1",
      channel: "LETTER",
      placeId: undefined,
      receivedFrom: "2026-03-01",
      receivedTo: "2026-03-31",
      q: "路灯",
    });
    expect(problems).toEqual([]);
  });

  it("falls back for an unknown tab, page or channel and reports bad dates and reversed ranges", () => {
    expect(parseQueueParams({ tab: "all", page: "-3", channel: "EMAIL" }).params).toMatchObject({
      tab: "pending",
      page: 1,
      channel: undefined,
    });
    expect(parseQueueParams({ from: "2026-02-30" }).problems).toEqual([
      { field: "from", key: "queue.errors.invalidDate" },
    ]);
    const reversed = parseQueueParams({ from: "2026-03-31", to: "2026-03-01" });
    expect(reversed.params).toMatchObject({ receivedFrom: undefined, receivedTo: undefined });
    expect(reversed.problems).toEqual([{ field: "to", key: "queue.errors.dateOrder" }]);
    expect(parseQueueParams({ q: "字".repeat(101) }).problems).toEqual([
      { field: "q", key: "queue.errors.searchTooLong" },
    ]);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseQueueParams({ tab: ["review", "replied"] }).params.tab).toBe("review");
  });
});

describe("queueSearch", () => {
  it("keeps the filters, leaves out empty ones and page 1", () => {
    expect(queueSearch({ tab: "dueSoon", channel: "VISIT", q: "a b", page: 1 })).toBe(
      "?tab=dueSoon&channel=VISIT&q=a+b",
    );
    expect(queueSearch({ page: 3 })).toBe("?page=3");
    expect(queueSearch({})).toBe("");
  });
});
