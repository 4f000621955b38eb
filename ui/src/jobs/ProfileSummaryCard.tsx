import AddCircleOutline from '@mui/icons-material/AddCircleOutlineOutlined';
import Check from '@mui/icons-material/Check';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  Chip,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { useState } from 'react';
import type { PlanStep } from '../generated/plan';
import type { ProfileSummary, Severity } from '../lib/types';
import { count, percent } from '../common/format';
import { summary } from '../common/actionStyle';
import type { AlertGroup } from './alertGroups';
import { groupAlerts } from './alertGroups';

const SEVERITY_COLOR: Record<Severity, 'error' | 'warning' | 'info'> = {
  critical: 'error',
  warning: 'warning',
  info: 'info',
};
/** Columns with warnings shown before "Show more". */
const FIRST_SHOWN = 5;

const sameStep = (a: PlanStep, b: PlanStep) => JSON.stringify(a) === JSON.stringify(b);

/** The key numbers of the profile, its columns, and its alerts, each suggested action one click from the plan. */
export function ProfileSummaryCard({
  profile,
  planned,
  onAdd,
}: {
  profile: ProfileSummary;
  planned: PlanStep[];
  onAdd: (step: PlanStep) => void;
}) {
  const numbers: [string, string, string?][] = [
    ['Rows', count(profile.rows)],
    ['Columns', count(profile.columns)],
    ['Missing cells', count(profile.missing_cells), percent(profile.missing_share)],
    ['Alerts', count(profile.alerts.length)],
  ];
  const alerts = profile.alerts;
  const [all, setAll] = useState(false);
  const groups = groupAlerts(alerts);
  const serious = groups.filter((g) => g.severity !== 'info');
  // Warnings first, a few at a time, so that on a phone the assistant below is not behind a wall of alerts;
  // information-only notes are folded away.
  const shown = all ? serious : serious.slice(0, FIRST_SHOWN);
  const hidden = all ? [] : serious.slice(FIRST_SHOWN);
  const notes = groups.filter((g) => g.severity === 'info');
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="profile-heading">
      <Typography variant="h6" component="h2" id="profile-heading" gutterBottom>
        Profile
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(4, 1fr)' }, gap: 1.5, mb: 1.5 }}>
        {numbers.map(([label, value, note]) => (
          <Box
            key={label}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5, bgcolor: 'background.default' }}
          >
            <Typography
              variant="caption"
              color="text.secondary"
              sx={{ textTransform: 'uppercase', letterSpacing: 0.5 }}
            >
              {label}
            </Typography>
            <Typography variant="h5" component="p" aria-label={label} sx={{ fontWeight: 600 }}>
              {value}
              {note && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}
                  ({note})
                </Typography>
              )}
            </Typography>
          </Box>
        ))}
      </Box>
      <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} aria-label="Column kinds">
        {Object.entries(profile.types)
          .filter(([, n]) => n > 0)
          .map(([kind, n]) => (
            <Chip key={kind} size="small" label={`${n} ${kind}`} />
          ))}
        {profile.streamed && (
          <Chip
            size="small"
            color="info"
            variant="outlined"
            label="Profiled in streaming mode: some figures are estimates (see the report); plans cannot be applied"
          />
        )}
        {profile.duplicate_rows_dropped > 0 && (
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            label={`${count(profile.duplicate_rows_dropped)} duplicate rows dropped`}
          />
        )}
      </Stack>

      {profile.variables.length > 0 && (
        <Accordion disableGutters variant="outlined" sx={{ mb: 2, '&:before': { display: 'none' } }}>
          <AccordionSummary expandIcon={<ExpandMore />}>
            <Typography variant="subtitle2">Columns ({profile.variables.length})</Typography>
          </AccordionSummary>
          <AccordionDetails sx={{ p: 0, overflowX: 'auto' }}>
            <Table size="small" aria-label="Columns of the dataset">
              <TableHead>
                <TableRow>
                  <TableCell>Column</TableCell>
                  <TableCell>Kind</TableCell>
                  <TableCell align="right">Distinct</TableCell>
                  <TableCell>Missing</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {profile.variables.map((v) => {
                  const share = profile.rows > 0 ? v.missing / profile.rows : 0;
                  return (
                    <TableRow key={v.name}>
                      <TableCell sx={{ fontWeight: 500, wordBreak: 'break-word' }}>{v.name}</TableCell>
                      <TableCell>
                        {v.type}
                        <Typography component="span" variant="caption" color="text.secondary">
                          {' '}
                          · {v.storage}
                        </Typography>
                      </TableCell>
                      <TableCell align="right">{count(v.distinct)}</TableCell>
                      <TableCell sx={{ minWidth: 140 }}>
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                          <LinearProgress
                            variant="determinate"
                            value={100 * share}
                            color={share > 0.5 ? 'error' : share > 0 ? 'warning' : 'success'}
                            sx={{ flexGrow: 1, height: 6, borderRadius: 3 }}
                            aria-label={`${v.name} missing`}
                          />
                          <Typography variant="caption" sx={{ minWidth: 64, textAlign: 'right' }}>
                            {v.missing > 0 ? `${count(v.missing)} (${percent(share, 0)})` : 'none'}
                          </Typography>
                        </Stack>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </AccordionDetails>
        </Accordion>
      )}

      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Alerts and suggestions
      </Typography>
      {alerts.length === 0 && (
        <Typography color="text.secondary">No alerts: nothing stands out in this data.</Typography>
      )}
      <AlertGroups groups={shown} planned={planned} onAdd={onAdd} label="Alerts by column" />
      {hidden.length > 0 && (
        <Button size="small" onClick={() => setAll(true)} sx={{ mt: 1 }}>
          Show {hidden.length} more {hidden.length === 1 ? 'column' : 'columns'} with warnings
        </Button>
      )}
      {notes.length > 0 && (
        <Accordion disableGutters variant="outlined" sx={{ mt: 1.5, '&:before': { display: 'none' } }}>
          <AccordionSummary expandIcon={<ExpandMore />}>
            <Typography variant="subtitle2" component="span">
              Notes on {notes.length} more {notes.length === 1 ? 'column' : 'columns'} (for information)
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <AlertGroups groups={notes} planned={planned} onAdd={onAdd} label="Notes by column" />
          </AccordionDetails>
        </Accordion>
      )}
    </Paper>
  );
}

/** Each column with its alerts and, when there is one, the single fix recommended for it, one click from the plan. */
function AlertGroups({
  groups,
  planned,
  onAdd,
  label,
}: {
  groups: AlertGroup[];
  planned: PlanStep[];
  onAdd: (step: PlanStep) => void;
  label: string;
}) {
  if (groups.length === 0) return null;
  return (
    <Stack spacing={1} component="ul" aria-label={label} sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
      {groups.map((group) => {
        const fix = group.fix;
        const added = fix != null && planned.some((step) => sameStep(step, fix));
        return (
          <Box
            component="li"
            key={group.column ?? '(table)'}
            sx={{ borderLeft: 4, borderColor: `${SEVERITY_COLOR[group.severity] ?? 'info'}.main`, pl: 1.5, py: 0.5 }}
          >
            <Stack
              direction={{ xs: 'column', md: 'row' }}
              spacing={1}
              sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}
            >
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="body2" component="p" sx={{ fontWeight: 700, wordBreak: 'break-word' }}>
                  {group.column ?? 'Whole table'}
                </Typography>
                {group.alerts.map((alert, i) => (
                  <Box key={i} sx={{ mt: 0.25 }}>
                    <Chip
                      size="small"
                      label={alert.type.replace(/_/g, ' ')}
                      color={SEVERITY_COLOR[alert.severity] ?? 'info'}
                      variant="outlined"
                      sx={{ mr: 1 }}
                    />
                    <Typography component="span" variant="body2">
                      {alert.message}
                    </Typography>
                  </Box>
                ))}
              </Box>
              {fix && (
                <Button
                  size="small"
                  variant={added ? 'text' : 'outlined'}
                  color={added ? 'success' : 'primary'}
                  startIcon={added ? <Check /> : <AddCircleOutline />}
                  onClick={() => onAdd(fix)}
                  disabled={added}
                  aria-label={added ? `In the plan: ${summary(fix)}` : `Add to plan: ${summary(fix)}`}
                  sx={{
                    flexShrink: 0,
                    textTransform: 'none',
                    alignSelf: { xs: 'flex-start', md: 'center' },
                    maxWidth: { md: 280 },
                    textAlign: 'left',
                  }}
                >
                  {added ? 'In the plan' : `Add to plan: ${summary(fix)}`}
                </Button>
              )}
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
}
