import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { publishRulesetRequest } from '../../../domain/ruleset.ts';
import { sentence } from '../format/labels.ts';
import { maxLengthOf } from '../validation/limits.ts';
import { checkNote } from './draft-check.ts';

/** A version's note, as publishing and rolling back both ask for it, with its own error. */
export function useNote() {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  /** The trimmed note, or null once the field says why it will not do. */
  const checked = () => {
    const problem = checkNote(note);
    setError(problem && sentence(problem));
    return problem ? null : note.trim();
  };
  return { note, setNote, error, setError, checked };
}

interface NoteFieldProps {
  note: ReturnType<typeof useNote>;
  testId: string;
  label: string;
  description: string;
  placeholder: string;
}

export function NoteField({ note, testId, label, description, placeholder }: NoteFieldProps) {
  return (
    <Textarea
      data-testid={testId}
      data-autofocus
      label={label}
      description={description}
      placeholder={placeholder}
      required
      autosize
      minRows={2}
      maxLength={maxLengthOf(publishRulesetRequest.shape.note)}
      value={note.note}
      onChange={(event) => {
        note.setNote(event.currentTarget.value);
        note.setError(undefined);
      }}
      error={note.error}
    />
  );
}
