/** What the clients were told about one group: each field is known only when every write to it was answered. */
interface GroupFate {
  id: string | null;
  present: boolean | 'unknown';
  description: string | 'unknown';
}

interface StoredGroup {
  id: string;
  name: string;
  description?: string;
}

export interface LedgerCounts {
  acknowledged: number;
  unanswered: number;
}

export interface LedgerCheck {
  /** Groups whose stored state contradicts an acknowledged write. */
  lost: string[];
  checkedGroups: number;
}

/**
 * Concurrent writers creating, updating and deleting groups over HTTP until the server goes away, recording which
 * writes were acknowledged (2xx) and which were cut off; afterwards, checks the stored groups against it.
 */
export class WriteLedger {
  private readonly fates = new Map<string, GroupFate>();
  readonly counts: LedgerCounts = { acknowledged: 0, unanswered: 0 };

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  /** `writers` loops until each sees the server gone; resolves then. */
  run(writers: number, prefix: string): Promise<void> {
    return Promise.all(Array.from({ length: writers }, (_, w) => this.writerLoop(`${prefix}-w${w}`))).then(() => undefined);
  }

  check(stored: StoredGroup[]): LedgerCheck {
    const byName = new Map(stored.map((g) => [g.name, g]));
    const lost: string[] = [];
    for (const [name, fate] of this.fates) {
      const found = byName.get(name);
      if (fate.present === 'unknown') continue;
      if (fate.present !== Boolean(found)) lost.push(`${name}: expected ${fate.present ? 'present' : 'deleted'}`);
      else if (found && found.id !== fate.id) lost.push(`${name}: id ${found.id}, acknowledged ${String(fate.id)}`);
      else if (found && fate.description !== 'unknown' && found.description !== fate.description) lost.push(`${name}: description ${String(found.description)}`);
    }
    return { lost, checkedGroups: this.fates.size };
  }

  private async writerLoop(prefix: string): Promise<void> {
    for (let n = 0; ; n++) {
      const name = `${prefix}-${n}`;
      const fate: GroupFate = { id: null, present: 'unknown', description: 'unknown' };
      this.fates.set(name, fate);
      const created = await this.send('POST', '/api/groups', { name, description: 'v1' });
      if (!created) return;
      fate.id = (created as { id: string }).id;
      Object.assign(fate, { present: true, description: 'v1' });
      if (n % 3 === 1) {
        fate.description = 'unknown';
        if (!(await this.send('PATCH', `/api/groups/${fate.id}`, { description: 'v2' }))) return;
        fate.description = 'v2';
      }
      if (n % 5 === 2) {
        fate.present = 'unknown';
        if (!(await this.send('DELETE', `/api/groups/${fate.id}`))) return;
        fate.present = false;
      }
    }
  }

  /** The JSON answer of a 2xx; null once the server is unreachable (the write's fate is then unknown). */
  private async send(method: string, path: string, body?: object): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch {
      this.counts.unanswered += 1;
      return null;
    }
    const text = await res.text().catch(() => null);
    if (text === null) {
      this.counts.unanswered += 1;
      return null;
    }
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    this.counts.acknowledged += 1;
    return text ? (JSON.parse(text) as unknown) : {};
  }
}
