import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { messageOf } from '../api/errors';
import { inputClass } from './Field';
import { useDebounced } from './useDebounced';

export interface ComboboxItem {
  id: string;
  label: string;
  detail?: string;
}

interface SearchComboboxProps<T extends ComboboxItem> {
  label: string;
  hint?: string;
  /** Distinguishes the cache entries of different searches. */
  queryKey: string;
  search(term: string): Promise<T[]>;
  onSelect(item: T): void;
  disabled?: boolean;
}

/**
 * An ARIA 1.2 combobox with a list box: type to search (debounced), arrows to move, Enter to choose, Escape to
 * close. The active option is announced through aria-activedescendant while focus stays in the input.
 */
export function SearchCombobox<T extends ComboboxItem>({ label, hint, queryKey, search, onSelect, disabled }: SearchComboboxProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const term = useDebounced(text.trim(), 250);
  const results = useQuery({ queryKey: ['combobox', queryKey, term], queryFn: () => search(term), enabled: open && !disabled });
  /** Results of an older term are never offered: Enter must not pick what the list showed a keystroke ago. */
  const settled = term === text.trim() && results.isSuccess;
  const items = settled ? results.data : [];

  function choose(item: T | undefined): void {
    if (!item) return;
    onSelect(item);
    setText('');
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(items.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const expanded = open && !disabled;
  const activeId = expanded && items[active] ? `${id}-opt-${active}` : undefined;
  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={inputClass}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!expanded}
        className="absolute z-50 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
      >
        {!settled && !results.isError && <li className="px-3 py-1.5 text-sm text-slate-600">Searching…</li>}
        {results.isError && <li className="px-3 py-1.5 text-sm text-red-800">{messageOf(results.error)}</li>}
        {settled && items.length === 0 && <li className="px-3 py-1.5 text-sm text-slate-600">No match for “{term}”</li>}
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? 'bg-indigo-100' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(item)}
          >
            <span className="font-medium text-slate-900">{item.label}</span>
            {item.detail && <span className="ml-2 text-slate-600">{item.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
