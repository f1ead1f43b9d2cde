/** A react-admin list URL with its filter in the query string, as the list itself writes it. */
export function listLink(resource: string, filter: Record<string, string | undefined>): string {
  const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
  return `/${resource}?filter=${encodeURIComponent(JSON.stringify(given))}`;
}
