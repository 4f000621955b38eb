import { Alert, Box, List, ListItem, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../generated/plan';
import type { PlanError } from '../lib/types';
import { actionStyle, isActionType, plainMessage } from '../common/actionStyle';

/**
 * Every problem that keeps the text from being a plan at all, at once: not JSON, no "actions" list, and each
 * step whose type is not one of Assay's actions or whose params are not an object. Empty: the text is a plan
 * (which the server's validator then checks against the dataset).
 */
export function textProblems(text: string): { plan: Plan | null; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { plan: null, problems: [`Not valid JSON: ${(e as Error).message}`] };
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { actions?: unknown }).actions)) {
    return { plan: null, problems: ['The plan needs an "actions" list.'] };
  }
  const { explanation, actions } = parsed as { explanation?: unknown; actions: unknown[] };
  const problems: string[] = [];
  actions.forEach((action, i) => {
    const step = (typeof action === 'object' && action !== null ? action : {}) as { type?: unknown; params?: unknown };
    if (!isActionType(step.type)) {
      problems.push(
        step.type === undefined
          ? `Action ${i + 1} has no "type".`
          : `Action ${i + 1}: "${String(step.type)}" is not one of Assay's actions.`,
      );
    }
    if (
      step.params !== undefined &&
      (typeof step.params !== 'object' || step.params === null || Array.isArray(step.params))
    ) {
      problems.push(`Action ${i + 1}: "params" must be an object of named parameters.`);
    }
  });
  return problems.length > 0
    ? { plan: null, problems }
    : { plan: { explanation: String(explanation ?? ''), actions: actions as Plan['actions'] }, problems };
}

/**
 * The plan as JSON, editable. A change is parsed at once (every problem shown under the field, and told to the
 * card through onTextProblems so it neither calls the last valid plan fitting nor offers to apply it); the
 * server's validator then checks a plan that parses against the dataset and its errors are listed by step and field.
 */
export function PlanEditor({
  plan,
  errors,
  onChange,
  onTextProblems,
}: {
  plan: Plan;
  errors: PlanError[];
  onChange: (plan: Plan) => void;
  onTextProblems?: (problems: string[]) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(plan, null, 2));
  const [syntax, setSyntaxState] = useState<string[]>([]);
  const report = useRef(onTextProblems);
  report.current = onTextProblems;
  const setSyntax = (problems: string[]) => {
    setSyntaxState(problems);
    report.current?.(problems);
  };
  // Leaving the JSON view drops the unparsed text: the card goes back to the plan it holds.
  useEffect(() => () => report.current?.([]), []);

  useEffect(() => {
    // A plan changed elsewhere (assistant, alert suggestion) replaces the text unless it already says the same.
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(plan)) {
          return current;
        }
      } catch {
        // the person is mid-edit with invalid JSON; the new plan wins
      }
      return JSON.stringify(plan, null, 2);
    });
    setSyntax([]);
  }, [plan]);

  const edit = (value: string) => {
    setText(value);
    const { plan: next, problems } = textProblems(value);
    setSyntax(problems);
    if (next) {
      onChange(next);
    }
  };

  return (
    <Box>
      <TextField
        label="Plan (JSON)"
        value={text}
        onChange={(event) => edit(event.target.value)}
        multiline
        minRows={6}
        maxRows={20}
        fullWidth
        error={syntax.length > 0 || errors.length > 0}
        helperText={
          syntax.length === 1 ? syntax[0] : syntax.length > 1 ? `${syntax.length} problems in the text:` : ' '
        }
        slotProps={{
          htmlInput: {
            spellCheck: false,
            style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 },
          },
        }}
      />
      {syntax.length > 1 && (
        <List dense disablePadding aria-label="Problems in the JSON text" sx={{ color: 'error.main', mx: 1.75 }}>
          {syntax.map((problem, i) => (
            <ListItem key={i} disableGutters sx={{ display: 'list-item', listStyle: 'disc', ml: 2, py: 0 }}>
              {problem}
            </ListItem>
          ))}
        </List>
      )}
      {errors.length > 0 && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert" aria-label="Plan problems">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            This plan cannot run on this dataset:
          </Typography>
          <List dense disablePadding>
            {errors.map((error, i) => (
              <ListItem key={i} disableGutters sx={{ display: 'list-item', listStyle: 'disc', ml: 2 }}>
                {error.action_index != null ? `Step ${error.action_index + 1}` : 'Plan'}
                {error.action ? ` (${actionStyle(error.action).label})` : ''}
                {error.field ? `, ${error.field}` : ''}: {plainMessage(error.message)}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}
