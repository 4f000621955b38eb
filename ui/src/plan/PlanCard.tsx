import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import PlayArrow from '@mui/icons-material/PlayArrow';
import {
  Box,
  Button,
  CircularProgress,
  Paper,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Plan } from '../generated/plan';
import type { DownloadedFile } from '../lib/client';
import type { PlanError, PlanWarning } from '../lib/types';
import { ExportManifestButton } from '../common/ExportManifestButton';
import { ErrorMessage } from '../common/ErrorMessage';
import { AddStepButton } from './AddStepButton';
import { blankStep } from '../common/actionStyle';
import { PlanEditor } from './PlanEditor';
import { PlanSteps } from './PlanSteps';
import { PlanSummary } from './PlanSummary';
import { PlanWarnings } from '../common/PlanWarnings';

export type CheckState = 'idle' | 'checking' | 'valid' | 'invalid' | 'unchecked';

/**
 * The plan to apply: its steps (coloured chips, editable forms, problems beside each step and field) or the same
 * plan as JSON, the plan in plain words, the server's verdict, and "Apply these actions".
 */
export function PlanCard({
  plan,
  errors,
  warnings = [],
  summary = [],
  check,
  checkError,
  columns,
  onChange,
  onApply,
  applying,
  applyError,
  onExport,
}: {
  plan: Plan;
  errors: PlanError[];
  warnings?: PlanWarning[];
  /** The plan in plain words from the last check: every step's columns by name. */
  summary?: string[];
  check: CheckState;
  checkError: unknown;
  columns: string[];
  onChange: (plan: Plan) => void;
  onApply: () => void;
  applying: boolean;
  applyError: unknown;
  /** The plan as an AssistantRun manifest from the api; no export button without it. */
  onExport?: () => Promise<DownloadedFile>;
}) {
  const [view, setView] = useState<'steps' | 'json'>('steps');
  // Problems of JSON text that does not parse: the plan held is then the last one that did, not what is shown.
  const [textProblems, setTextProblems] = useState<string[]>([]);
  const unparsed = view === 'json' && textProblems.length > 0;
  const n = plan.actions.length;
  const problems = errors.length;
  const verdict = n > 0 && !unparsed;
  // What the api would refuse to run it would refuse to export as well.
  const cannotRun = n === 0 || unparsed || check === 'invalid' || check === 'checking';
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="plan-heading">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h6" component="h2" id="plan-heading" sx={{ flexGrow: 1 }}>
          Plan{' '}
          <Typography component="span" color="text.secondary">
            ({n} {n === 1 ? 'action' : 'actions'})
          </Typography>
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_, next) => next && setView(next)}
          aria-label="Show the plan as"
        >
          <ToggleButton value="steps">Steps</ToggleButton>
          <ToggleButton value="json">JSON</ToggleButton>
        </ToggleButtonGroup>
      </Stack>

      {view === 'steps' ? (
        n === 0 ? (
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            Nothing planned yet. Ask the assistant, add a suggestion from the alerts, or add a step.
          </Typography>
        ) : (
          <PlanSteps
            actions={plan.actions}
            errors={errors}
            columns={columns}
            onChange={(actions) => onChange({ ...plan, actions })}
          />
        )
      ) : (
        <PlanEditor plan={plan} errors={errors} onChange={onChange} onTextProblems={setTextProblems} />
      )}

      {n > 0 && <PlanSummary lines={summary} stale={check === 'checking'} />}

      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <AddStepButton
          onAdd={(type) => {
            const actions = [...plan.actions];
            const train = actions.findIndex((a) => a.type === 'train_model');
            actions.splice(type !== 'train_model' && train >= 0 ? train : actions.length, 0, blankStep(type));
            onChange({ ...plan, actions });
          }}
        />
        {n > 0 && (
          <Button size="small" color="inherit" onClick={() => onChange({ explanation: '', actions: [] })}>
            Clear the plan
          </Button>
        )}
      </Stack>

      <Box aria-live="polite" sx={{ mt: 1.5, minHeight: 24 }}>
        {unparsed && (
          <Typography variant="body2" color="error">
            The JSON text is not a plan yet (
            {textProblems.length === 1 ? 'one problem' : `${textProblems.length} problems`} shown under it); nothing can
            be checked or applied until it parses.
          </Typography>
        )}
        {verdict && check === 'checking' && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'text.secondary' }}>
            <CircularProgress size={14} aria-hidden />
            <Typography variant="body2">Checking the plan against this dataset…</Typography>
          </Stack>
        )}
        {verdict && check === 'valid' && warnings.length === 0 && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'success.dark' }}>
            <CheckCircleOutline fontSize="small" aria-hidden />
            <Typography variant="body2">The plan fits this dataset.</Typography>
          </Stack>
        )}
        {verdict && check === 'valid' && warnings.length > 0 && (
          <Typography variant="body2" sx={{ color: 'warning.dark', mb: 1 }}>
            The plan can run, but {warnings.length === 1 ? 'one step' : `${warnings.length} findings`} would likely
            damage the data or the evaluation:
          </Typography>
        )}
        {verdict && (check === 'valid' || check === 'invalid') && <PlanWarnings warnings={warnings} />}
        {verdict && check === 'invalid' && (
          <Typography variant="body2" color="error">
            {problems} {problems === 1 ? 'problem' : 'problems'} to fix before this plan can run (shown beside each
            step).
          </Typography>
        )}
        {verdict && check === 'unchecked' && checkError != null && (
          <Typography variant="body2" color="text.secondary">
            The plan could not be checked just now (
            {checkError instanceof Error ? checkError.message : String(checkError)}); it will be checked when applied.
          </Typography>
        )}
      </Box>

      {applyError != null && (
        <Box sx={{ mt: 1 }}>
          <ErrorMessage error={applyError} />
        </Box>
      )}
      <Button
        variant="contained"
        color="success"
        size="large"
        sx={{ mt: 1.5 }}
        onClick={onApply}
        disabled={cannotRun || applying}
        startIcon={applying ? <CircularProgress size={16} color="inherit" /> : <PlayArrow />}
      >
        Apply these actions
      </Button>
      {onExport && (
        <Box sx={{ mt: 1.5 }}>
          <ExportManifestButton load={onExport} disabled={cannotRun} />
        </Box>
      )}
    </Paper>
  );
}
