import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ModelReport } from '../lib/types';
import { duration, gain, lowerIsBetter, metricName, metricValue, percent, words } from '../common/format';

/**
 * The model, honestly: its score on held-out rows beside what always guessing the commonest answer (or the mean)
 * would score, cross-validation, the confusion matrix or the error figures, what it relies on, and its caveats.
 */
export function ModelCard({ model }: { model: ModelReport }) {
  const metric = model.primary_metric;
  const score = model.holdout.scores[metric];
  const baseline = model.baseline.scores[metric];
  const cv = model.cross_validation[metric];
  const better = gain(metric, score, baseline);
  const importances = model.importances.slice(0, 12);
  return (
    <Box component="section" aria-label="Model">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {words(model.algorithm).replace(/^./, (c) => c.toUpperCase())} {model.task} predicting{' '}
        <strong>{model.target}</strong>
      </Typography>

      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={{ xs: 1, sm: 4 }}
        sx={{ my: 1.5, alignItems: { sm: 'flex-end' } }}
      >
        <Box>
          <Typography variant="caption" color="text.secondary" sx={{ textTransform: 'uppercase' }}>
            Held-out score
          </Typography>
          <Typography variant="h3" component="p" aria-label="Model score" sx={{ fontWeight: 700, lineHeight: 1.1 }}>
            {metricName(metric)} {metricValue(metric, score)}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary" sx={{ textTransform: 'uppercase' }}>
            Baseline
          </Typography>
          <Typography variant="h5" component="p" aria-label="Baseline score" color="text.secondary">
            {metricValue(metric, baseline)}
          </Typography>
        </Box>
        {better != null && (
          <Chip
            label={
              better > 0 ? `${metricValue(metric, better)} better than the baseline` : 'no better than the baseline'
            }
            color={better > 0 ? 'success' : 'warning'}
            sx={{ alignSelf: { xs: 'flex-start', sm: 'center' } }}
          />
        )}
      </Stack>
      {score != null && baseline != null && metric !== 'r2' && !lowerIsBetter(metric) && (
        <Box sx={{ maxWidth: 480, mb: 1 }} aria-hidden>
          {[
            ['Model', score, 'success.main'],
            ['Baseline', baseline, 'grey.400'],
          ].map(([name, value, color]) => (
            <Stack key={name as string} direction="row" spacing={1} sx={{ alignItems: 'center', fontSize: 12 }}>
              <Box sx={{ width: 64 }}>{name as string}</Box>
              <Box sx={{ flexGrow: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
                <Box
                  sx={{
                    height: 10,
                    borderRadius: 1,
                    bgcolor: color as string,
                    width: `${Math.max(0, Math.min(1, value as number)) * 100}%`,
                  }}
                />
              </Box>
            </Stack>
          ))}
        </Box>
      )}
      <Typography color="text.secondary" variant="body2">
        Cross-validated {cv ? `${metricValue(metric, cv.mean)} ± ${metricValue(metric, cv.std)}` : '–'}
        {model.folds ? ` over ${model.folds} folds` : ''} · {model.train_rows.toLocaleString('en-US')} training rows,{' '}
        {model.test_rows.toLocaleString('en-US')} held out · trained in {duration(model.train_millis)}
      </Typography>

      {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
      <Box sx={{ overflowX: 'auto', mt: 1.5 }} tabIndex={0} role="region" aria-label="Model metrics">
        <Table size="small" sx={{ maxWidth: 620 }} aria-label="Model metrics">
          <TableHead>
            <TableRow>
              <TableCell>{model.task === 'regression' ? 'Error figure' : 'Metric'}</TableCell>
              <TableCell align="right">Held out</TableCell>
              <TableCell align="right">Baseline</TableCell>
              <TableCell align="right">Cross-validation</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {Object.keys(model.holdout.scores).map((name) => (
              <TableRow key={name}>
                <TableCell>
                  {metricName(name)}
                  {lowerIsBetter(name) && (
                    <Typography component="span" variant="caption" color="text.secondary">
                      {' '}
                      (lower is better)
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: name === metric ? 700 : 400 }}>
                  {metricValue(name, model.holdout.scores[name])}
                </TableCell>
                <TableCell align="right">{metricValue(name, model.baseline.scores[name])}</TableCell>
                <TableCell align="right">
                  {model.cross_validation[name]
                    ? `${metricValue(name, model.cross_validation[name].mean)} ± ${metricValue(name, model.cross_validation[name].std)}`
                    : '–'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>

      {/* Beside a confusion matrix the bars share a two-column grid; alone (a regression) they take the full width
          rather than an 'auto' column that shrinks them to slivers. */}
      {model.holdout.confusion ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'auto 1fr' }, gap: 3, mt: 2 }}>
          <Confusion labels={model.holdout.confusion.labels} counts={model.holdout.confusion.counts} />
          <Importances importances={importances} />
        </Box>
      ) : (
        <Box sx={{ mt: 2 }}>
          <Importances importances={importances} />
        </Box>
      )}

      {model.leaderboard.length > 1 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h4">
            Compared by cross-validation ({metricName(metric)})
          </Typography>
          <Table size="small" sx={{ maxWidth: 480 }} aria-label="Models compared">
            <TableBody>
              {model.leaderboard.map((entry) => (
                <TableRow key={entry.algorithm} selected={entry.algorithm === model.algorithm}>
                  <TableCell>
                    {words(entry.algorithm)}
                    {entry.algorithm === model.algorithm ? ' (chosen)' : ''}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {metricValue(metric, entry.score.mean)} ± {metricValue(metric, entry.score.std)}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap', display: { xs: 'none', sm: 'table-cell' } }}>
                    {duration(entry.millis)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}

      {model.derived.length > 0 && (
        <Box component="ul" sx={{ mt: 2, mb: 0, pl: 2.5 }} aria-label="Read by the model's own pipeline">
          {model.derived.map((n) => (
            <Typography key={n.column} component="li" variant="body2">
              <strong>{n.column}</strong>: {n.reason}
            </Typography>
          ))}
        </Box>
      )}

      {model.warnings.length > 0 && (
        <Box component="ul" sx={{ mt: 2, mb: 0, pl: 2.5, color: 'text.secondary' }} aria-label="Notes on the model">
          {model.warnings.map((w, i) => (
            <Typography key={i} component="li" variant="body2">
              {w}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** What the model relies on, as bars scaled to the largest importance. */
function Importances({ importances }: { importances: ModelReport['importances'] }) {
  if (importances.length === 0) {
    return null;
  }
  const maxImportance = Math.max(...importances.map((i) => i.importance), 1e-9);
  return (
    <Box
      role="img"
      aria-label={`Feature importances: ${importances.map((f) => `${f.feature} ${percent(f.importance)}`).join(', ')}`}
    >
      <Typography variant="subtitle2" component="h4" sx={{ mb: 0.5 }}>
        What the model relies on
      </Typography>
      {importances.map((f) => (
        <Box
          key={f.feature}
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '84px 1fr 48px', sm: '140px 1fr 52px' },
            alignItems: 'center',
            gap: 1,
            fontSize: 13,
            py: 0.25,
          }}
        >
          <Box sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={f.feature}>
            {f.feature}
          </Box>
          <Box
            sx={{
              height: 12,
              bgcolor: 'primary.main',
              borderRadius: 1,
              width: `${(100 * f.importance) / maxImportance}%`,
              minWidth: 2,
              opacity: 0.85,
            }}
          />
          <Box sx={{ textAlign: 'right', color: 'text.secondary' }}>{percent(f.importance)}</Box>
        </Box>
      ))}
    </Box>
  );
}

/** Rows: the actual class; columns: the predicted one; each cell shaded by its share of its row. */
function Confusion({ labels, counts }: { labels: string[]; counts: number[][] }) {
  return (
    <Box>
      <Typography variant="subtitle2" component="h4" sx={{ mb: 0.5 }}>
        Confusion matrix (held-out rows)
      </Typography>
      <Table size="small" sx={{ width: 'auto' }} aria-label="Confusion matrix">
        <TableHead>
          <TableRow>
            <TableCell sx={{ color: 'text.secondary', fontSize: 12 }}>actual ↓ predicted →</TableCell>
            {labels.map((l) => (
              <TableCell key={l} align="center" sx={{ fontWeight: 600 }}>
                {l}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {counts.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <TableRow key={i}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                  {labels[i]}
                </TableCell>
                {row.map((n, j) => {
                  const share = n / total;
                  const hue = i === j ? '6, 118, 71' : '180, 35, 24';
                  return (
                    <TableCell
                      key={j}
                      align="center"
                      sx={{
                        minWidth: 56,
                        fontWeight: i === j ? 700 : 400,
                        bgcolor: `rgba(${hue}, ${0.08 + 0.5 * share})`,
                      }}
                    >
                      {n}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
