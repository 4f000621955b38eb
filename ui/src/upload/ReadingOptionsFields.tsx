import ExpandMore from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, LinearProgress, Typography } from '@mui/material';
import { Suspense, lazy } from 'react';
import type { ReadingOptions } from './api/upload';

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
  const words = choices.missingWords
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
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
const ReadingOptionsForm = lazy(() => import('./ReadingOptionsForm').then((m) => ({ default: m.ReadingOptionsForm })));

export function ReadingOptionsFields({
  value,
  onChange,
  disabled,
}: {
  value: ReadingChoices;
  onChange: (next: ReadingChoices) => void;
  disabled: boolean;
}) {
  return (
    <Accordion
      disableGutters
      variant="outlined"
      sx={{ mt: 2, '&:before': { display: 'none' } }}
      slotProps={{ transition: { unmountOnExit: true } }}
    >
      <AccordionSummary expandIcon={<ExpandMore />} aria-controls="reading-options" id="reading-options-header">
        <Typography>Reading options</Typography>
      </AccordionSummary>
      <AccordionDetails id="reading-options">
        {/* The fields' code (text inputs) is loaded when the options are first opened, not with the start page. */}
        <Suspense fallback={<LinearProgress aria-label="Loading the options" />}>
          <ReadingOptionsForm value={value} onChange={onChange} disabled={disabled} />
        </Suspense>
      </AccordionDetails>
    </Accordion>
  );
}
