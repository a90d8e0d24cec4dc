import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/** Typing pauses this long before the table asks the server: one request per word, not per key. */
const SEARCH_DEBOUNCE_MS = 350;

/** The search box; the URL's search wins when it changes from outside (back, a link, a saved view). */
export function OrderSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (text.trim() !== value) setText(value);
  }
  const search = useDebouncedCallback((q: string) => onSearch(q.trim()), SEARCH_DEBOUNCE_MS);
  return (
    <TextInput
      type="search"
      label="Search orders"
      description="A reference or account by its beginning; an order id, SKU, zone, or a contact's email or phone exactly"
      placeholder="e.g. ACME or R-1042"
      value={text}
      maxLength={100}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          search.cancel();
          onSearch(text.trim());
        }
      }}
      data-testid="order-search"
      w={420}
    />
  );
}
