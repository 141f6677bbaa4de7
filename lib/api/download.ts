/** `Content-Disposition` for a download named after the project: "BFCL v3" + "paths.jsonl" → bfcl-v3.paths.jsonl. */
export function attachment(projectName: string, suffix: string, fallback = 'project'): string {
  const slug =
    projectName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || fallback;
  return `attachment; filename="${slug}.${suffix}"`;
}
