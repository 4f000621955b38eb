import AutoAwesome from '@mui/icons-material/AutoAwesomeOutlined';
import Send from '@mui/icons-material/Send';
import {
  Alert, Box, Button, Checkbox, Chip, CircularProgress, FormControlLabel, Link, Paper, Stack, TextField, Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Plan } from '../generated/plan';
import { api } from '../api/client';
import type { PlanProposal } from '../api/types';
import { ErrorMessage } from '../common/ErrorMessage';
import { PlanChips } from '../plan/PlanChips';

/** The server sends at most this many rows whatever is asked (ContextBuilder.MAX_SAMPLE_ROWS). */
export const MAX_SAMPLE = 20;

const EXAMPLES = [
  'Fill missing values and train a classifier on Survived',
  'Drop the identifier columns, one-hot encode the categories and scale the numbers',
  'Clean this data',
];

/** Exactly what leaves Assay for a language model, in the words of docs/assistant.md. */
export function whatIsSent(consent: boolean, rows: number): string {
  const always = 'your request and a description of the data: the file name, the row count, each column\'s name, kind, '
    + 'missing and distinct counts and summary statistics, and the type of each alert';
  return consent
    ? `What will be sent: ${always}; with your consent also the alerts' messages, the categories of columns that have at most 20, `
      + `and the first ${rows} ${rows === 1 ? 'row' : 'rows'} of the file, cells cut at 80 characters, e-mail addresses, `
      + 'phone, card and account numbers masked.'
    : `What will be sent: ${always}. No value from any row.`;
}

/**
 * Ask in plain words. The answer is a plan of whitelisted actions: its explanation and its actions as coloured
 * chips here, the plan itself (editable) in the plan card. Sample rows leave Assay only with consent, 20 at most.
 */
export function AssistantPanel({ jobId, hasPlan, onProposal }: {
  jobId: string;
  hasPlan: boolean;
  onProposal: (plan: Plan, prompt: string) => void;
}) {
  const [prompt, setPrompt] = useState('');
  const [consent, setConsent] = useState(false);
  const [sampleText, setSampleText] = useState('5');
  const [answer, setAnswer] = useState<PlanProposal | null>(null);
  const ids = useId();
  const sampleSize = Math.max(1, Math.min(MAX_SAMPLE, Math.round(Number(sampleText)) || 1));
  const sampleOutOfRange = consent && sampleText !== '' && String(sampleSize) !== sampleText.trim();

  const ask = useMutation({
    mutationFn: (asked: string) =>
      api.propose({ job_id: jobId, prompt: asked, consent_send_sample: consent, sample_size: consent ? sampleSize : 0 }),
    onSuccess: (proposal, asked) => {
      setAnswer(proposal);
      onProposal({ explanation: proposal.explanation, actions: proposal.actions }, asked);
    },
  });
  const submit = () => {
    if (prompt.trim() && !ask.isPending) {
      ask.mutate(prompt.trim());
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby={`${ids}-heading`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
        <AutoAwesome color="primary" aria-hidden />
        <Typography variant="h6" component="h2" id={`${ids}-heading`}>Ask the assistant</Typography>
      </Stack>
      <Box component="form" onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <TextField
          label="What should be done with this data?"
          placeholder={EXAMPLES[0]}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          onKeyDown={(event) => {
            // Enter asks, Shift+Enter starts a new line, as in any chat.
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
          fullWidth
          multiline
          minRows={2}
          maxRows={6}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
        <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mt: 1, alignItems: 'center' }}>
          <Typography variant="caption" color="text.secondary" id={`${ids}-examples`}>For example:</Typography>
          {EXAMPLES.map((example) => (
            <Chip key={example} size="small" variant="outlined" clickable label={example} onClick={() => setPrompt(example)}
              aria-label={`Use the example: ${example}`} sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }} />
          ))}
        </Stack>

        <Box sx={{ mt: 1.5, p: 1.5, bgcolor: '#f8f9fc', borderRadius: 1, border: 1, borderColor: 'divider' }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <FormControlLabel
              sx={{ mr: 0 }}
              control={<Checkbox checked={consent} onChange={(event) => setConsent(event.target.checked)} />}
              label="Also send sample rows"
            />
            <TextField
              label="Rows (1–20)" type="number" size="small" value={consent ? sampleText : '0'} disabled={!consent}
              onChange={(event) => setSampleText(event.target.value)}
              onBlur={() => setSampleText(String(sampleSize))}
              error={sampleOutOfRange}
              slotProps={{ htmlInput: { min: 1, max: MAX_SAMPLE, 'aria-label': 'Sample rows' } }} sx={{ width: 120 }}
            />
          </Stack>
          {sampleOutOfRange && (
            <Typography variant="caption" color="error" sx={{ display: 'block' }}>At most {MAX_SAMPLE} rows are ever sent; {sampleSize} will be.</Typography>
          )}
          <Typography variant="body2" color="text.secondary" aria-live="polite" sx={{ mt: 0.5 }} id={`${ids}-sent`}>
            {whatIsSent(consent, sampleSize)} When no language model is configured, the built-in planner answers and nothing leaves Assay.
          </Typography>
        </Box>

        <Stack direction="row" spacing={1} sx={{ mt: 1.5, alignItems: 'center' }}>
          <Button type="submit" variant="contained" disabled={!prompt.trim() || ask.isPending} aria-describedby={`${ids}-sent`}
            endIcon={ask.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : <Send />}>
            Ask
          </Button>
          {ask.isPending && <Typography variant="body2" color="text.secondary" aria-live="polite">Working out a plan…</Typography>}
          {hasPlan && !ask.isPending && (
            <Typography variant="caption" color="text.secondary">The answer replaces the current plan.</Typography>
          )}
        </Stack>
      </Box>

      {ask.error != null && <Box sx={{ mt: 2 }}><ErrorMessage error={ask.error} onRetry={submit} /></Box>}

      {answer && !ask.isPending && (
        <Box sx={{ mt: 2, pt: 2, borderTop: 1, borderColor: 'divider' }} aria-live="polite" aria-label="The assistant's answer">
          <Typography variant="overline" color="text.secondary">
            Answer · {answer.planner} planner · {answer.planner === 'built-in'
              ? 'nothing left Assay'
              : `${answer.sample_rows_sent} sample ${answer.sample_rows_sent === 1 ? 'row' : 'rows'} sent`}
          </Typography>
          <Typography sx={{ mb: 1 }}>{answer.explanation}</Typography>
          {answer.actions.length > 0
            ? <PlanChips actions={answer.actions} label="Proposed actions" />
            : <Typography variant="body2" color="text.secondary">No action fits this request.</Typography>}
          {answer.warnings.length > 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {answer.warnings.map((w, i) => <div key={i}>{w}</div>)}
            </Alert>
          )}
          <Link href={answer.context_url} target="_blank" rel="noopener" variant="body2" sx={{ display: 'inline-block', mt: 1 }}>
            See exactly what was sent
          </Link>
        </Box>
      )}
    </Paper>
  );
}
