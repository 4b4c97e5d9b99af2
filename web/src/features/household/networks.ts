/** The simulated TV's networks (the demo has no real routers). */
export const NETWORKS = [
  { id: 'net_home', name: 'Home Wi-Fi' },
  { id: 'net_away', name: 'Holiday flat' },
  { id: 'net_mobile', name: 'Mobile hotspot' },
] as const;

export function networkName(id: string | null): string {
  if (!id) return 'Unknown network';
  return NETWORKS.find((network) => network.id === id)?.name ?? id;
}
