import ExpandMore from '@mui/icons-material/ExpandMore';
import {
  Accordion, AccordionDetails, AccordionSummary, Checkbox, FormControlLabel, Stack, TextField, Typography,
} from '@mui/material';
import type { ReadingOptions } from '../api/client';

/** What the person typed, before it becomes the upload's reading options. */
export interface ReadingChoices {
  sheet: string;
  encoding: string;
  missingWords: string;
  onlyEmptyIsMissing: boolean;
}

export const noChoices: ReadingChoices = { sheet: '', encoding: '', missingWords: '', onlyEmptyIsMissing: false };

/** Blank fields keep the api's defaults; the words are split on commas, as people list them. */
export function readingOptions(choices: ReadingChoices): ReadingOptions {
  const words = choices.missingWords.split(',').map((w) => w.trim()).filter((w) => w.length > 0);
  return {
    sheet: choices.sheet.trim() || undefined,
    encoding: choices.encoding.trim() || undefined,
    missingMarkers: choices.onlyEmptyIsMissing ? [] : words.length > 0 ? words : undefined,
  };
}

/**
 * Optional ways to read a file, folded away: most files need none, but a profile that read "None" as missing, or a
 * workbook whose data is not on the first sheet, can only be put right here.
 */
export function ReadingOptionsFields({ value, onChange, disabled }: {
  value: ReadingChoices;
  onChange: (next: ReadingChoices) => void;
  disabled: boolean;
}) {
  const set = (patch: Partial<ReadingChoices>) => onChange({ ...value, ...patch });
  return (
    <Accordion disableGutters variant="outlined" sx={{ mt: 2, '&:before': { display: 'none' } }}>
      <AccordionSummary expandIcon={<ExpandMore />} aria-controls="reading-options" id="reading-options-header">
        <Typography>Reading options</Typography>
      </AccordionSummary>
      <AccordionDetails id="reading-options">
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
            control={<Checkbox checked={value.onlyEmptyIsMissing} onChange={(e) => set({ onlyEmptyIsMissing: e.target.checked })} />}
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
      </AccordionDetails>
    </Accordion>
  );
}
