/**
 * Login lockout: after `maxFailures` failed logins for one username (or `maxFailuresPerIp` from one
 * address) within `windowMs`, every further attempt for it is refused for `lockoutMs` — even with the right
 * password, so guessing cannot go on in the background. A success clears the username's count.
 *
 * Kept in memory: a restart forgets the counts (it also takes longer than the lockout). The maps are
 * bounded by `maxKeys`; when full, the oldest key is dropped first.
 *
 * Why not @fastify/rate-limit: it counts every request, and a lockout must count failures only (a clerk who
 * logs in and out ten times is not attacking) and be keyed by the username inside the body.
 */
export interface ThrottleOptions {
  readonly maxFailures: number;
  readonly maxFailuresPerIp: number;
  readonly windowMs: number;
  readonly lockoutMs: number;
  readonly maxKeys: number;
  /** Milliseconds since the epoch; tests pass a clock they move by hand. */
  readonly now: () => number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  maxFailures: 5,
  // An office shares one address behind its NAT: a few clerks' typos must not lock the whole office out.
  maxFailuresPerIp: 20,
  windowMs: 15 * 60_000,
  lockoutMs: 5 * 60_000,
  maxKeys: 10_000,
  now: Date.now,
};

interface Entry {
  /** Times of the failures still inside the window, oldest first. */
  failures: number[];
  lockedUntil: number;
  /** Attempts whose password is being checked: counted so parallel guesses cannot overrun the limit. */
  pending: number;
}

/** While other attempts for the same key are still being checked, the next may retry after this. */
const BUSY_RETRY_MS = 1000;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
  }

  /**
   * Starts an attempt: 0 when it may go ahead (then `settle` must follow), else the milliseconds until the
   * username or address may try again. Attempts still being checked count as failures until settled.
   */
  begin(username: string, ip: string): number {
    const now = this.options.now();
    const user = this.entry(`u:${username}`, now);
    const address = this.entry(`ip:${ip}`, now);
    const until = Math.max(user.lockedUntil, address.lockedUntil);
    if (until > now) return until - now;
    if (
      user.failures.length + user.pending >= this.options.maxFailures ||
      address.failures.length + address.pending >= this.options.maxFailuresPerIp
    ) {
      return BUSY_RETRY_MS;
    }
    user.pending += 1;
    address.pending += 1;
    return 0;
  }

  /**
   * Ends an attempt begun with `begin`. A success forgets the username's failures (not the address's:
   * others may be guessing there). @returns true when this failure started a lockout (for the audit log).
   */
  settle(username: string, ip: string, ok: boolean): boolean {
    const now = this.options.now();
    const user = this.entry(`u:${username}`, now);
    const address = this.entry(`ip:${ip}`, now);
    user.pending = Math.max(0, user.pending - 1);
    address.pending = Math.max(0, address.pending - 1);
    if (ok) {
      user.failures = [];
      return false;
    }
    const lockedUser = this.count(user, now, this.options.maxFailures);
    const lockedAddress = this.count(address, now, this.options.maxFailuresPerIp);
    return lockedUser || lockedAddress;
  }

  /** The key's entry with failures outside the window dropped; created (evicting the oldest) if new. */
  private entry(key: string, now: number): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.options.maxKeys) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      entry = { failures: [], lockedUntil: 0, pending: 0 };
      this.entries.set(key, entry);
    }
    entry.failures = entry.failures.filter((t) => t > now - this.options.windowMs);
    return entry;
  }

  private count(entry: Entry, now: number, max: number): boolean {
    entry.failures.push(now);
    if (entry.failures.length < max || entry.lockedUntil > now) return false;
    entry.lockedUntil = now + this.options.lockoutMs;
    entry.failures = [];
    return true;
  }
}
