import { describe, expect, it } from "vitest";
import {
  ariaSortOf,
  DEFAULT_TABLE_FILTERS,
  parseTableFilters,
  tableFiltersToParams,
  tableFiltersToQuery,
} from "./filters";

describe("table filters in the URL", () => {
  it("reads every filter, ignoring unknown values", () => {
    const f = parseTableFilters(
      new URLSearchParams(
        "status=done,bogus,open&kind=preventive&owner=ريم&problem=p-1&due=this_week&sort=priority&dir=desc&page=3",
      ),
    );
    expect(f).toEqual({
      statuses: ["open", "done"],
      kinds: ["preventive"],
      owner: "ريم",
      problemId: "p-1",
      due: "this_week",
      sort: "priority",
      descending: true,
      page: 2,
    });
  });

  it("defaults to due ascending, page 1, anyone", () => {
    expect(parseTableFilters(new URLSearchParams("sort=nope&due=later&page=-4"))).toEqual(
      DEFAULT_TABLE_FILTERS,
    );
  });

  it("keeps 'unassigned' (owner=) apart from 'anyone' (no owner)", () => {
    expect(parseTableFilters(new URLSearchParams("owner=")).owner).toBe("");
    expect(tableFiltersToParams({ ...DEFAULT_TABLE_FILTERS, owner: "" }).toString()).toBe("owner=");
    expect(tableFiltersToQuery({ ...DEFAULT_TABLE_FILTERS, owner: "" }).owner).toBe("");
    expect("owner" in tableFiltersToQuery(DEFAULT_TABLE_FILTERS)).toBe(false);
  });

  it("round-trips, leaving defaults out", () => {
    expect(tableFiltersToParams(DEFAULT_TABLE_FILTERS).toString()).toBe("");
    const params =
      "status=open%2Cin_progress&kind=corrective&owner=Omar&problem=p-1&due=overdue&sort=updated&dir=desc&page=2";
    expect(tableFiltersToParams(parseTableFilters(new URLSearchParams(params))).toString()).toBe(params);
  });

  it("turns into the core's query", () => {
    expect(
      tableFiltersToQuery({
        ...DEFAULT_TABLE_FILTERS,
        statuses: ["open"],
        problemId: "p-1",
        due: "none",
        page: 4,
      }),
    ).toEqual({
      statuses: ["open"],
      kinds: [],
      problemId: "p-1",
      due: "none",
      sort: "due",
      descending: false,
    });
  });

  it("says how each order reads on its header", () => {
    expect(ariaSortOf("due", false)).toBe("ascending");
    expect(ariaSortOf("due", true)).toBe("descending");
    expect(ariaSortOf("priority", false)).toBe("descending");
    expect(ariaSortOf("priority", true)).toBe("ascending");
  });
});
