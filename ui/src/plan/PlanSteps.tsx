import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlined';
import { Box, Chip, Collapse, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import type { PlanStep } from '../generated/plan';
import { ACTION_PARAMS } from '../generated/plan';
import type { PlanError } from '../lib/types';
import { actionStyle, describe, details, ink, plainMessage } from '../common/actionStyle';
import { StepForm } from './StepForm';

/** The columns a step can refer to: the dataset's, plus those earlier steps add or rename. */
export function columnsBefore(actions: PlanStep[], index: number, original: string[]): string[] {
  const names = [...original];
  for (const step of actions.slice(0, index)) {
    const params = step.params as Record<string, unknown>;
    if (step.type === 'feature_engineer' && typeof params.new_column === 'string' && params.new_column) {
      names.push(params.new_column);
    }
    if (step.type === 'rename_columns' && Array.isArray(params.renames)) {
      for (const r of params.renames as { from?: string; to?: string }[]) {
        const at = names.indexOf(r.from ?? '');
        if (at >= 0 && r.to) names[at] = r.to;
      }
    }
  }
  return [...new Set(names)];
}

/**
 * The plan's steps in the order they run: each a coloured chip with its parameters in words, buttons to edit,
 * move and remove it, and the server's complaints about it right beside it. A step with a problem opens its
 * form so the field at fault is in view.
 */
export function PlanSteps({
  actions,
  errors,
  columns,
  onChange,
}: {
  actions: PlanStep[];
  errors: PlanError[];
  columns: string[];
  onChange: (actions: PlanStep[]) => void;
}) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const seen = useRef('');
  useEffect(() => {
    // Open the steps that newly have problems (not on every check, so a person can close one).
    const signature = JSON.stringify(errors);
    if (signature === seen.current) return;
    seen.current = signature;
    const faulty = errors.map((e) => e.action_index).filter((i): i is number => i != null && i < actions.length);
    if (faulty.length > 0) setOpen((current) => new Set([...current, ...faulty]));
  }, [errors, actions.length]);

  const toggle = (index: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const move = (from: number, to: number) => {
    const next = [...actions];
    const [step] = next.splice(from, 1);
    next.splice(to, 0, step);
    setOpen(new Set());
    onChange(next);
  };
  const planErrors = errors.filter((e) => e.action_index == null || e.action_index >= actions.length);

  return (
    <Box>
      {planErrors.map((e, i) => (
        <Typography key={i} variant="body2" color="error" role="alert" sx={{ mb: 1 }}>
          {e.field ? `${e.field}: ` : ''}
          {plainMessage(e.message)}
        </Typography>
      ))}
      <Box component="ol" aria-label="Planned actions" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {actions.map((step, index) => {
          const { color, label } = actionStyle(step.type);
          const expanded = open.has(index);
          const stepErrors = errors.filter((e) => e.action_index === index);
          // With the form open, a field's problem shows under that field; the rest stays under the step.
          const shownAbove = stepErrors.filter(
            (e) => !(expanded && e.field && e.field in ACTION_PARAMS[step.type].properties),
          );
          const name = `Step ${index + 1}`;
          const formId = `plan-step-${index}-form`;
          return (
            <Box
              component="li"
              key={index}
              aria-label={`${name}: ${label}`}
              data-step-index={index}
              sx={{
                borderLeft: 3,
                borderColor: stepErrors.length ? 'error.main' : color,
                pl: 1.25,
                py: 0.75,
                mb: 1,
                bgcolor: stepErrors.length ? '#fef3f2' : 'transparent',
                borderRadius: '0 6px 6px 0',
              }}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                  <Tooltip title={describe(step.type) ?? ''} placement="top-start">
                    <Chip
                      size="small"
                      variant="outlined"
                      data-action-type={step.type}
                      label={`${index + 1}. ${label}`}
                      sx={{
                        bgcolor: `${color}14`,
                        color: ink(color),
                        borderColor: `${color}66`,
                        fontWeight: 600,
                        mr: 1,
                        mb: 0.25,
                      }}
                    />
                  </Tooltip>
                  <Typography component="span" variant="body2" sx={{ wordBreak: 'break-word' }}>
                    {details(step)}
                  </Typography>
                </Box>
                <Stack direction="row" sx={{ flexShrink: 0, mt: -0.5 }}>
                  <IconButton
                    size="small"
                    aria-label={`${name}: edit`}
                    aria-expanded={expanded}
                    aria-controls={formId}
                    onClick={() => toggle(index)}
                  >
                    <EditOutlined fontSize="small" />
                  </IconButton>
                  <IconButton
                    size="small"
                    aria-label={`${name}: move up`}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    <ArrowUpward fontSize="small" />
                  </IconButton>
                  <IconButton
                    size="small"
                    aria-label={`${name}: move down`}
                    disabled={index === actions.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    <ArrowDownward fontSize="small" />
                  </IconButton>
                  <IconButton
                    size="small"
                    aria-label={`${name}: remove`}
                    onClick={() => {
                      setOpen(new Set());
                      onChange(actions.filter((_, i) => i !== index));
                    }}
                  >
                    <DeleteOutline fontSize="small" />
                  </IconButton>
                </Stack>
              </Stack>
              {shownAbove.length > 0 && (
                <Box role="alert" aria-label={`${name} problems`} sx={{ mt: 0.5 }}>
                  {shownAbove.map((e, i) => (
                    <Stack key={i} direction="row" spacing={0.5} sx={{ alignItems: 'flex-start', color: 'error.main' }}>
                      <ErrorOutline sx={{ fontSize: 16, mt: '2px' }} aria-hidden />
                      <Typography variant="body2">
                        {e.field ? <strong>{e.field.replace(/_/g, ' ')}: </strong> : null}
                        {plainMessage(e.message)}
                      </Typography>
                    </Stack>
                  ))}
                </Box>
              )}
              <Collapse in={expanded} unmountOnExit>
                <Box id={formId}>
                  <StepForm
                    step={step}
                    stepLabel={name}
                    columns={columnsBefore(actions, index, columns)}
                    errors={stepErrors}
                    onChange={(changed) => onChange(actions.map((s, i) => (i === index ? changed : s)))}
                  />
                </Box>
              </Collapse>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
