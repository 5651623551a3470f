import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Methods } from '@mcp-registry/data-schemas';

type RateLimitMethods = Pick<Methods, 'countRateLimitHit' | 'uncountRateLimitHit' | 'resetRateLimit'>;

/**
 * express-rate-limit store on the service's MongoDB: the counters of every replica are the same documents, so N
 * replicas do not multiply a limit. `prefix` separates limiters.
 */
export class MongoRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly methods: RateLimitMethods,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { hits, resetAt } = await this.methods.countRateLimitHit(this.prefix + key, this.windowMs);
    return { totalHits: hits, resetTime: resetAt };
  }

  async decrement(key: string): Promise<void> {
    await this.methods.uncountRateLimitHit(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.methods.resetRateLimit(this.prefix + key);
  }
}
