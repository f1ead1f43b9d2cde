import { TextField } from '@mui/material';

/** Whether a secret typed a second time differs from the first (an empty second one does not yet). */
export const differs = (first: string, again: string): boolean => again !== '' && again !== first;

/**
 * The second entry of a PIN or password that is typed twice: marked and explained as soon as it
 * differs from the first, so the customer fixes it before submitting.
 */
export const AgainField = ({
  label,
  first,
  value,
  onChange,
  mismatchText,
  autoComplete = 'off',
}: {
  readonly label: string;
  readonly first: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly mismatchText: string;
  readonly autoComplete?: string;
}) => {
  const mismatch = differs(first, value);
  return (
    <TextField
      label={label}
      type="password"
      autoComplete={autoComplete}
      value={value}
      error={mismatch}
      helperText={mismatch ? mismatchText : ' '}
      onChange={(e) => onChange(e.target.value)}
    />
  );
};
