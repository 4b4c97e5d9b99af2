/** The simulated TV's networks (the demo has no real routers). */
export const NETWORKS = [
  { id: 'net_home', name: 'Home Wi-Fi' },
  { id: 'net_away', name: 'Holiday flat' },
  { id: 'net_mobile', name: 'Mobile hotspot' },
] as const;

/**
 * The name the simulated TV showed for a network, so the household page and the TV agree
 * ("Holiday flat", not the server's "Away" made from the id); else the server's name.
 */
export function networkName(id: string | null, serverName?: string): string {
  if (!id) return 'Unknown network';
  return NETWORKS.find((network) => network.id === id)?.name ?? serverName ?? id;
}
