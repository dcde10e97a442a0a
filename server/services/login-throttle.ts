/**
 * Login lockout: after `maxFailures` failed logins for one username (or `maxFailuresPerIp` from one
 * address) within `windowMs`, every further attempt for it is refused for `lockoutMs` — even with the right
 * password, so guessing cannot go on in the background. A success clears the username's count.
 *
 * Kept in memory: a restart forgets the counts (it also takes longer than the lockout). The maps are
 * bounded by `maxKeys`; only attempts that are let through add keys, and when full, idle keys go first,
 * then the oldest unlocked one, a lockout last.
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
    // Looked up without being created: a refused attempt must take no room in the maps, or a flood of
    // refused attempts with fresh usernames (cheap: no password is checked) would evict the locks.
    const user = this.peek(`u:${username}`, now);
    const address = this.peek(`ip:${ip}`, now);
    const until = Math.max(user?.lockedUntil ?? 0, address?.lockedUntil ?? 0);
    if (until > now) return until - now;
    if (
      (user ? user.failures.length + user.pending : 0) >= this.options.maxFailures ||
      (address ? address.failures.length + address.pending : 0) >= this.options.maxFailuresPerIp
    ) {
      return BUSY_RETRY_MS;
    }
    this.entry(`u:${username}`, now).pending += 1;
    this.entry(`ip:${ip}`, now).pending += 1;
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

  /** The key's entry with failures outside the window dropped, or undefined when there is none. */
  private peek(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) entry.failures = entry.failures.filter((t) => t > now - this.options.windowMs);
    return entry;
  }

  /** The key's entry with failures outside the window dropped; created (making room first) if new. */
  private entry(key: string, now: number): Entry {
    let entry = this.peek(key, now);
    if (!entry) {
      this.makeRoom(now);
      entry = { failures: [], lockedUntil: 0, pending: 0 };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Keeps the maps under `maxKeys`: forgets idle entries first (no failure in the window, no lockout, no
   * attempt in flight), then the oldest entry that is not locked; a lockout goes only when nothing else is
   * left, so new keys cannot push a lock out while anything else could go instead.
   */
  private makeRoom(now: number): void {
    if (this.entries.size < this.options.maxKeys) return;
    const since = now - this.options.windowMs;
    let oldestUnlocked: string | undefined;
    for (const [key, e] of this.entries) {
      const locked = e.lockedUntil > now;
      if (!locked && e.pending === 0 && !e.failures.some((t) => t > since)) this.entries.delete(key);
      else if (!locked && oldestUnlocked === undefined) oldestUnlocked = key;
    }
    if (this.entries.size < this.options.maxKeys) return;
    const victim = oldestUnlocked ?? this.entries.keys().next().value;
    if (victim !== undefined) this.entries.delete(victim);
  }

  private count(entry: Entry, now: number, max: number): boolean {
    entry.failures.push(now);
    if (entry.failures.length < max || entry.lockedUntil > now) return false;
    entry.lockedUntil = now + this.options.lockoutMs;
    entry.failures = [];
    return true;
  }
}
