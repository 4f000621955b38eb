import AutoAwesome from '@mui/icons-material/AutoAwesomeOutlined';
import Send from '@mui/icons-material/Send';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  CircularProgress,
  FormControlLabel,
  Link,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useMemo, useState } from 'react';
import type { Plan, PlanStep } from '../generated/plan';
import { useAskAssistant } from './api/askAssistant';
import type { AssistantTurn, PlanProposal, ProfileSummary } from '../lib/types';
import { examplePrompts } from './examplePrompts';
import { ErrorMessage } from '../common/ErrorMessage';
import { ASK_ID } from '../common/navigation';
import { PlanChips } from '../common/PlanChips';
import { PlanWarnings } from '../common/PlanWarnings';

/** The server sends at most this many rows whatever is asked (ContextBuilder.MAX_SAMPLE_ROWS). */
export const MAX_SAMPLE = 20;

/** Exactly what leaves Assay for a language model, in the words of docs/assistant.md. */
export function whatIsSent(consent: boolean, rows: number): string {
  const always =
    "your request and a description of the data: the file name, the row count, each column's name, kind, " +
    'missing and distinct counts and summary statistics, and the type of each alert';
  return consent
    ? `What will be sent: ${always}; with your consent also the alerts' messages, the categories of columns that have at most 20, ` +
        `and the first ${rows} ${rows === 1 ? 'row' : 'rows'} of the file, cells cut at 80 characters, e-mail addresses, ` +
        'phone, card and account numbers masked.'
    : `What will be sent: ${always}. No value from any row.`;
}

/** One exchange of the conversation: what was asked, the answer, and the plan before the answer was used. */
interface Exchange {
  prompt: string;
  answer: PlanProposal;
  before: Plan;
  used: 'replaced' | 'added' | null;
}

/** The answer's steps added to the plan: those it does not have yet, before its model, which stays last. */
export function addToPlan(plan: Plan, answer: PlanProposal): Plan {
  const has = (step: PlanStep) => plan.actions.some((a) => JSON.stringify(a) === JSON.stringify(step));
  const fresh = answer.actions.filter((a) => !has(a));
  const model = (steps: PlanStep[]) => steps.filter((a) => a.type === 'train_model');
  const others = [
    ...plan.actions.filter((a) => a.type !== 'train_model'),
    ...fresh.filter((a) => a.type !== 'train_model'),
  ];
  const lastModel = [...model(plan.actions), ...model(fresh)].slice(-1);
  return { explanation: plan.explanation || answer.explanation, actions: [...others, ...lastModel] };
}

/**
 * Ask in plain words, and follow up ("also scale Age", "use the mean instead", "undo"): the current plan and the
 * recent turns go with each request, and the answer is a plan of whitelisted actions with a summary and what it
 * changed. The first answer becomes the plan; later ones replace it or are added to it only when the person says
 * so, and an answer without actions never touches the plan. Undo puts back the plan as it was before the last
 * answer was used. Sample rows leave Assay only with consent, 20 at most.
 */
export function AssistantPanel({
  jobId,
  plan,
  onPlan,
  profile,
}: {
  jobId: string;
  plan: Plan;
  onPlan: (plan: Plan, prompt: string) => void;
  /** The dataset's profile, from which the example requests are written. */
  profile?: ProfileSummary | null;
}) {
  const examples = useMemo(() => examplePrompts(profile), [profile]);
  const [prompt, setPrompt] = useState('');
  const [consent, setConsent] = useState(false);
  const [sampleText, setSampleText] = useState('5');
  const [thread, setThread] = useState<Exchange[]>([]);
  const answer = thread.length > 0 ? thread[thread.length - 1].answer : null;
  const hasPlan = plan.actions.length > 0;
  const ids = useId();
  const sampleSize = Math.max(1, Math.min(MAX_SAMPLE, Math.round(Number(sampleText)) || 1));
  const sampleOutOfRange = consent && sampleText !== '' && String(sampleSize) !== sampleText.trim();

  const ask = useAskAssistant({
    onSuccess: (proposal, { prompt: asked }) => {
      // The first answer with actions becomes the plan; an answer without actions never touches it.
      const use = proposal.actions.length > 0 && !hasPlan;
      setThread((t) => [...t, { prompt: asked, answer: proposal, before: plan, used: use ? 'replaced' : null }]);
      if (use) {
        onPlan({ explanation: proposal.explanation, actions: proposal.actions }, asked);
      }
      setPrompt('');
    },
  });
  const adoptAnswer = (how: 'replaced' | 'added') => {
    const last = thread[thread.length - 1];
    const next =
      how === 'replaced'
        ? { explanation: last.answer.explanation, actions: last.answer.actions }
        : addToPlan(plan, last.answer);
    setThread((t) => t.map((e, i) => (i === t.length - 1 ? { ...e, before: plan, used: how } : e)));
    onPlan(next, last.prompt);
  };
  const lastUsed = [...thread].reverse().find((e) => e.used !== null);
  const undo = () => {
    if (lastUsed) {
      onPlan(lastUsed.before, lastUsed.prompt);
      setThread((t) => t.map((e) => (e === lastUsed ? { ...e, used: null } : e)));
    }
  };
  const submit = () => {
    if (prompt.trim() && !ask.isPending) {
      const turns: AssistantTurn[] = thread
        .slice(-10)
        .map((t) => ({ prompt: t.prompt, before: t.before.actions as PlanStep[] }));
      ask.mutate({
        job_id: jobId,
        prompt: prompt.trim(),
        consent_send_sample: consent,
        sample_size: consent ? sampleSize : 0,
        ...(hasPlan || turns.length > 0 ? { plan: plan.actions as PlanStep[], turns } : {}),
      });
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby={`${ids}-heading`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
        <AutoAwesome color="primary" aria-hidden />
        <Typography variant="h6" component="h2" id={`${ids}-heading`}>
          Ask the assistant
        </Typography>
      </Stack>
      <Box
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          id={ASK_ID}
          label="What should be done with this data?"
          placeholder={examples[0]}
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
          <Typography variant="caption" color="text.secondary" id={`${ids}-examples`}>
            For example:
          </Typography>
          {examples.map((example) => (
            <Chip
              key={example}
              size="small"
              variant="outlined"
              clickable
              label={example}
              onClick={() => setPrompt(example)}
              aria-describedby={`${ids}-examples`}
              sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
            />
          ))}
        </Stack>

        <Box
          sx={{ mt: 1.5, p: 1.5, bgcolor: 'background.default', borderRadius: 1, border: 1, borderColor: 'divider' }}
        >
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <FormControlLabel
              sx={{ mr: 0 }}
              control={<Checkbox checked={consent} onChange={(event) => setConsent(event.target.checked)} />}
              label="Also send sample rows"
            />
            <TextField
              label="Rows (1–20)"
              type="number"
              size="small"
              value={consent ? sampleText : '0'}
              disabled={!consent}
              onChange={(event) => setSampleText(event.target.value)}
              onBlur={() => setSampleText(String(sampleSize))}
              error={sampleOutOfRange}
              slotProps={{ htmlInput: { min: 1, max: MAX_SAMPLE, 'aria-label': 'Sample rows' } }}
              sx={{ width: 120 }}
            />
          </Stack>
          {sampleOutOfRange && (
            <Typography variant="caption" color="error" sx={{ display: 'block' }}>
              At most {MAX_SAMPLE} rows are ever sent; {sampleSize} will be.
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary" aria-live="polite" sx={{ mt: 0.5 }} id={`${ids}-sent`}>
            {whatIsSent(consent, sampleSize)} When no language model is configured, the built-in planner answers and
            nothing leaves Assay.
          </Typography>
        </Box>

        <Stack direction="row" spacing={1} sx={{ mt: 1.5, alignItems: 'center' }}>
          <Button
            type="submit"
            variant="contained"
            disabled={!prompt.trim() || ask.isPending}
            aria-describedby={`${ids}-sent`}
            endIcon={ask.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : <Send />}
          >
            Ask
          </Button>
          {ask.isPending && (
            <Typography variant="body2" color="text.secondary" aria-live="polite">
              Working out a plan…
            </Typography>
          )}
          {hasPlan && !ask.isPending && (
            <Typography variant="caption" color="text.secondary">
              Follow-ups refine the current plan; you choose whether the answer replaces it.
            </Typography>
          )}
        </Stack>
      </Box>

      {ask.error != null && (
        <Box sx={{ mt: 2 }}>
          <ErrorMessage error={ask.error} onRetry={submit} />
        </Box>
      )}

      {thread.length > 1 && (
        <Box component="ol" aria-label="Conversation" sx={{ mt: 2, mb: 0, pl: 2.5, color: 'text.secondary' }}>
          {thread.slice(0, -1).map((e, i) => (
            <li key={i}>
              <Typography variant="body2">
                <b>{e.prompt}</b> — {e.answer.explanation}
                {e.used ? ` (${e.used === 'replaced' ? 'used as the plan' : 'added to the plan'})` : ''}
              </Typography>
            </li>
          ))}
        </Box>
      )}

      {answer && !ask.isPending && (
        <Box
          sx={{ mt: 2, pt: 2, borderTop: 1, borderColor: 'divider' }}
          aria-live="polite"
          aria-label="The assistant's answer"
        >
          <Typography variant="overline" color="text.secondary">
            Answer · {answer.planner} planner ·{' '}
            {answer.planner === 'built-in'
              ? 'nothing left Assay'
              : `${answer.sample_rows_sent} sample ${answer.sample_rows_sent === 1 ? 'row' : 'rows'} sent`}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            You asked: {thread[thread.length - 1].prompt}
          </Typography>
          <Typography sx={{ mb: 1 }}>{answer.explanation}</Typography>
          {answer.actions.length > 0 ? (
            <PlanChips actions={answer.actions} label="Proposed actions" />
          ) : (
            <Typography variant="body2" color="text.secondary">
              No action fits this request; the plan is unchanged.
            </Typography>
          )}
          {(answer.summary ?? []).length > 0 && (
            <Box component="ul" aria-label="Summary of the answer" sx={{ mt: 1, mb: 0, pl: 2.5 }}>
              {(answer.summary ?? []).map((line, i) => (
                <li key={i}>
                  <Typography variant="body2">{line}</Typography>
                </li>
              ))}
            </Box>
          )}
          {(answer.changes ?? []).length > 0 && (
            <Box component="ul" aria-label="What the answer changes" sx={{ mt: 1, mb: 0, pl: 2.5 }}>
              {(answer.changes ?? []).map((line, i) => (
                <li key={i}>
                  <Typography variant="body2">{line}</Typography>
                </li>
              ))}
            </Box>
          )}
          {(answer.review ?? []).length > 0 && (
            <Box sx={{ mt: 1 }}>
              <PlanWarnings warnings={answer.review ?? []} title="Steps of this answer judged likely to mislead" />
            </Box>
          )}
          {answer.warnings.length > 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {answer.warnings.map((w, i) => (
                <div key={i}>{w}</div>
              ))}
            </Alert>
          )}
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            {answer.actions.length > 0 && thread[thread.length - 1].used === null && (
              <>
                <Button size="small" variant="contained" onClick={() => adoptAnswer('replaced')}>
                  Replace the plan
                </Button>
                <Button size="small" variant="outlined" onClick={() => adoptAnswer('added')}>
                  Add to the plan
                </Button>
              </>
            )}
            {lastUsed && (
              <Button size="small" onClick={undo}>
                Undo the last answer
              </Button>
            )}
            <Link href={answer.context_url} target="_blank" rel="noopener" variant="body2">
              See exactly what was sent
            </Link>
          </Stack>
        </Box>
      )}
    </Paper>
  );
}
