/** Counts what each key did over a sliding window, in memory, to limit how often it may do it. */
export class RateWindow {
  private readonly events = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Seconds until `key` may act again (0: it may act now). */
  wait(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil(((recent[recent.length - this.limit] ?? now) + this.windowMs - now) / 1000));
  }

  /** Records that `key` acted. */
  record(key: string, now = Date.now()): void {
    this.events.set(key, [...this.recent(key, now), now]);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length === 0) this.events.delete(key);
    else this.events.set(key, recent);
    return recent;
  }
}
