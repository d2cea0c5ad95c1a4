/**
 * A file name for an export from its title: characters file systems refuse
 * (separators, reserved punctuation, control characters) become "-", spaces
 * are collapsed, no leading dot, at most 120 characters (whole code points).
 */
export function exportFileName(title: string, fallback: string, extension: string): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  const base = Array.from(cleaned === "" ? fallback : cleaned)
    .slice(0, 120)
    .join("")
    .trim();
  return `${base}.${extension}`;
}
