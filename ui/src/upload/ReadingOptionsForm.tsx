import { Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import type { ReadingChoices } from './ReadingOptionsFields';

/** The reading options' fields, in their own chunk: most uploads never open them. */
export function ReadingOptionsForm({
  value,
  onChange,
  disabled,
}: {
  value: ReadingChoices;
  onChange: (next: ReadingChoices) => void;
  disabled: boolean;
}) {
  const set = (patch: Partial<ReadingChoices>) => onChange({ ...value, ...patch });
  return (
    <Stack spacing={2}>
      <TextField
        label="Words read as missing"
        helperText="Comma-separated, e.g. NA, -, unknown. Blank: NA, N/A, null, NaN, None and - are read as missing."
        value={value.missingWords}
        onChange={(e) => set({ missingWords: e.target.value })}
        disabled={disabled || value.onlyEmptyIsMissing}
        size="small"
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={value.onlyEmptyIsMissing}
            onChange={(e) => set({ onlyEmptyIsMissing: e.target.checked })}
          />
        }
        label="Only empty cells are missing (read every word, such as None, as a value)"
        disabled={disabled}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Sheet"
          helperText="Excel only. Blank: the first sheet."
          value={value.sheet}
          onChange={(e) => set({ sheet: e.target.value })}
          disabled={disabled}
          size="small"
        />
        <TextField
          label="Text encoding"
          helperText="CSV only, e.g. windows-1252. Blank: detected."
          value={value.encoding}
          onChange={(e) => set({ encoding: e.target.value })}
          disabled={disabled}
          size="small"
        />
      </Stack>
    </Stack>
  );
}
