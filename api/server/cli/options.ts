import { ORGANIZATION_SLUG_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLE_NAME_PATTERN } from '@mcp-registry/data-provider';
import { UsageError } from './command';
import type { OptionValues } from './command';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Collects every problem with the options, so one run reports them all. */
export class OptionReader {
  readonly problems: string[] = [];

  constructor(private readonly values: OptionValues) {}

  string(key: string, required: true): string;
  string(key: string, required?: false): string | undefined;
  string(key: string, required = false): string | undefined {
    const raw = this.values[key];
    const value = typeof raw === 'string' ? raw.trim() : undefined;
    if (value) return value;
    if (required) this.problems.push(`--${key} is required`);
    return undefined;
  }

  /** The parsed input, or a UsageError naming every problem found. */
  done<T>(input: T): T {
    if (this.problems.length > 0) throw new UsageError(this.problems);
    return input;
  }

  flag(key: string): boolean {
    return this.values[key] === true;
  }

  email(key: string, required: true): string {
    const value = this.string(key, required);
    if (value && !EMAIL.test(value)) this.problems.push(`--${key} must be an email address`);
    return (value ?? '').toLowerCase();
  }

  slug(key: string, fallback?: string): string {
    const value = (fallback === undefined ? this.string(key, true) : this.string(key)) ?? fallback ?? '';
    if (value && !ORGANIZATION_SLUG_PATTERN.test(value)) {
      this.problems.push(`--${key} must be lower-case letters, digits and dashes (e.g. acme-corp)`);
    }
    return value;
  }

  role(key: string, required: boolean): string | undefined {
    const value = this.values[key] === undefined && !required ? undefined : this.string(key, true);
    if (value && !ROLE_NAME_PATTERN.test(value)) this.problems.push(`--${key} must be a role name such as USER or ADMIN`);
    return value;
  }

  password(key: string): string | undefined {
    const value = this.values[key];
    if (typeof value !== 'string') return undefined;
    if (value.length < PASSWORD_MIN_LENGTH || value.length > PASSWORD_MAX_LENGTH) {
      this.problems.push(`--${key} must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
    }
    return value;
  }

  integer(key: string, min: number, max: number): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    this.problems.push(`--${key} must be an integer from ${min} to ${max}`);
    return undefined;
  }
}
