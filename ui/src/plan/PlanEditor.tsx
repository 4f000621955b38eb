import { Alert, Box, List, ListItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Plan } from '../generated/plan';
import type { PlanError } from '../api/types';
import { isActionType, plainMessage } from './actionStyle';

/**
 * The plan as JSON, editable. A change is parsed at once (syntax errors shown under the field); the server's
 * validator then checks it against the dataset and its errors are listed by step and field.
 */
export function PlanEditor({ plan, errors, onChange }: {
  plan: Plan;
  errors: PlanError[];
  onChange: (plan: Plan) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(plan, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);

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
    setSyntax(null);
  }, [plan]);

  const edit = (value: string) => {
    setText(value);
    try {
      const parsed = JSON.parse(value);
      if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.actions)) {
        setSyntax('The plan needs an "actions" list.');
        return;
      }
      const unknown = parsed.actions.findIndex((a: { type?: unknown }) => !isActionType(a?.type));
      if (unknown >= 0) {
        setSyntax(`Action ${unknown + 1}: "${parsed.actions[unknown]?.type}" is not one of Assay's actions.`);
        return;
      }
      setSyntax(null);
      onChange({ explanation: String(parsed.explanation ?? ''), actions: parsed.actions });
    } catch (e) {
      setSyntax(`Not valid JSON: ${(e as Error).message}`);
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
        error={syntax != null || errors.length > 0}
        helperText={syntax ?? ' '}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 } } }}
      />
      {errors.length > 0 && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert" aria-label="Plan problems">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>This plan cannot run on this dataset:</Typography>
          <List dense disablePadding>
            {errors.map((error, i) => (
              <ListItem key={i} disableGutters sx={{ display: 'list-item', listStyle: 'disc', ml: 2 }}>
                {error.action_index != null ? `Step ${error.action_index + 1}` : 'Plan'}
                {error.action ? ` (${error.action})` : ''}
                {error.field ? `, ${error.field}` : ''}: {plainMessage(error.message)}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}
