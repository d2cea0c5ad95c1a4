import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  EMPTY_FILTERS,
  effectiveSort,
  filtersToParams,
  filtersToQuery,
  parseFilters,
} from "./filters";

const parse = (search: string) => parseFilters(new URLSearchParams(search));

describe("list filters", () => {
  it("reads the URL and writes it back the same way, in canonical order", () => {
    const filters = parse("sort=severity&status=investigating,new&q=%D8%B1%D9%85%D8%B2&owner=Omar%20Haddad");
    expect(filters).toEqual({
      ...EMPTY_FILTERS,
      statuses: ["new", "investigating"],
      owner: "Omar Haddad",
      text: "رمز",
      sort: "severity",
    });
    expect(filtersToParams(filters).toString()).toBe(
      "q=%D8%B1%D9%85%D8%B2&status=new%2Cinvestigating&owner=Omar+Haddad&sort=severity",
    );
    expect(parseFilters(filtersToParams(filters))).toEqual(filters);
  });

  it("leaves defaults out of the URL", () => {
    expect(filtersToParams(EMPTY_FILTERS).toString()).toBe("");
  });

  it("sorts by relevance while searching unless the user chose otherwise", () => {
    expect(effectiveSort(parse(""))).toBe("reported");
    expect(effectiveSort(parse("q=refund"))).toBe("relevance");
    expect(effectiveSort(parse("q=refund&sort=title"))).toBe("title");
    expect(effectiveSort(parse("q=%20%20"))).toBe("reported");
    expect(effectiveSort(parse("sort=relevance"))).toBe("reported");
  });

  it("turns filters into the core's query, leaving out what is empty", () => {
    expect(filtersToQuery(parse("sort=title"))).toEqual({
      statuses: [],
      severities: [],
      channels: [],
      sort: "title",
      descending: false,
    });
    expect(filtersToQuery(parse("q=%20late%20&tag=%20&from=2025-01-01&to=2025-02-30&dir=asc"))).toEqual({
      statuses: [],
      severities: [],
      channels: [],
      text: "late",
      reportedFrom: "2025-01-01",
      sort: "relevance",
      descending: false,
    });
  });

  it("starts each sort in its natural direction unless the user reversed it", () => {
    expect(filtersToQuery(parse("sort=severity"))).toMatchObject({ sort: "severity", descending: true });
    expect(filtersToQuery(parse("sort=status"))).toMatchObject({ sort: "status", descending: false });
    expect(filtersToQuery(parse("sort=title&dir=desc"))).toMatchObject({ sort: "title", descending: true });
  });

  it("counts the kinds of filter that are on", () => {
    expect(activeFilterCount(parse("sort=title&dir=asc"))).toBe(0);
    expect(activeFilterCount(parse("status=new,closed&from=2025-01-01&to=2025-02-01&q=x"))).toBe(3);
  });
});
