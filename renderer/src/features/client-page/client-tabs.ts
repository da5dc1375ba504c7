export const CLIENT_TABS = [
  { value: 'settings', label: 'Settings' },
  { value: 'credits', label: 'Credits' },
  { value: 'usage', label: 'Usage' },
  { value: 'invoices', label: 'Invoices' },
] as const;

export type ClientTab = (typeof CLIENT_TABS)[number]['value'];

export function isClientTab(value: string | undefined): value is ClientTab {
  return CLIENT_TABS.some((tab) => tab.value === value);
}

export function clientTabPath(clientId: string, tab: ClientTab): string {
  return `/clients/${encodeURIComponent(clientId)}/${tab}`;
}
