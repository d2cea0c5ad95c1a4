/** Up to two letters standing for a name, shown where there is no picture. */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== "");
  const letters = words
    .slice(0, 2)
    .map((w) => Array.from(w).find((c) => /[\p{L}\p{N}]/u.test(c)) ?? "")
    .join("");
  return letters.toLocaleUpperCase();
}
