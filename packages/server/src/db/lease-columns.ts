/**
 * A row claimed for one run by compare-and-set: each claim writes a new token, every later write of that run names it,
 * and a lease that ran out (the process holding it died) may be claimed again.
 */
export interface LeaseColumns {
  lease_token: string | null;
  leased_until: string | null;
}
