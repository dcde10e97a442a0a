import type { Township } from './types';

const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in km between two townships' coordinates (haversine); 0 when either is unknown,
 * as SPEC §3 asks, so a missing home township neither helps nor hurts anyone.
 */
export function townshipDistanceKm(
  townships: ReadonlyMap<string, Township>,
  from: string | null,
  to: string | null,
): number {
  const a = from === null ? undefined : townships.get(from);
  const b = to === null ? undefined : townships.get(to);
  if (a === undefined || b === undefined) return 0;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
