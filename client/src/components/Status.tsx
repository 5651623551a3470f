import type { ReactNode } from 'react';
import { messageOf } from '../api/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="py-6 text-sm text-slate-600">
      {label}
    </p>
  );
}

/** An error with what to do about it; `retry` offers trying again. */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div role="alert" className="my-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p>{messageOf(error)}</p>
      {retry && (
        <button type="button" onClick={retry} className="mt-2 font-medium underline underline-offset-2">
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  );
}

export function Notice({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'info' }) {
  const colors = tone === 'success' ? 'border-green-300 bg-green-50 text-green-900' : 'border-sky-300 bg-sky-50 text-sky-900';
  return (
    <div role="status" className={`my-3 rounded-md border px-4 py-3 text-sm ${colors}`}>
      {children}
    </div>
  );
}

const badgeTones = {
  green: 'bg-green-100 text-green-900',
  amber: 'bg-amber-100 text-amber-900',
  slate: 'bg-slate-100 text-slate-800',
  sky: 'bg-sky-100 text-sky-900',
} as const;

export function Badge({ tone = 'slate', children }: { tone?: keyof typeof badgeTones; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${badgeTones[tone]}`}>{children}</span>;
}
