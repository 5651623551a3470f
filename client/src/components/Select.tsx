import * as RadixSelect from '@radix-ui/react-select';
import { useId } from 'react';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<SelectOption<T>>;
  onChange(value: T): void;
  disabled?: boolean;
  /** Hide the label visually (it still names the control), e.g. inside a table row. */
  hideLabel?: boolean;
}

/** A labelled single-choice select (keyboard and screen-reader friendly). */
export function Select<T extends string>({ label, value, options, onChange, disabled, hideLabel = false }: SelectProps<T>) {
  const id = useId();
  return (
    <div className="space-y-1">
      <span id={id} className={hideLabel ? 'sr-only' : 'block text-sm font-medium text-slate-800'}>
        {label}
      </span>
      <RadixSelect.Root value={value} onValueChange={(v) => onChange(v as T)} disabled={disabled}>
        <RadixSelect.Trigger
          aria-labelledby={id}
          className="inline-flex w-full min-w-40 items-center justify-between gap-2 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:bg-slate-100"
        >
          <RadixSelect.Value />
          <RadixSelect.Icon aria-hidden>▾</RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content position="popper" sideOffset={4} className="z-50 min-w-[var(--radix-select-trigger-width)] rounded-md border border-slate-300 bg-white py-1 shadow-lg">
            <RadixSelect.Viewport>
              {options.map((o) => (
                <RadixSelect.Item
                  key={o.value}
                  value={o.value}
                  className="cursor-pointer px-3 py-1.5 text-sm text-slate-900 outline-none data-[highlighted]:bg-indigo-50 data-[state=checked]:font-semibold"
                >
                  <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </div>
  );
}
