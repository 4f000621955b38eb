import Add from '@mui/icons-material/Add';
import Close from '@mui/icons-material/Close';
import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  IconButton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { ActionType, ParamSchema, PlanStep } from '../generated/plan';
import { ACTION_PARAMS } from '../generated/plan';
import type { PlanError } from '../lib/types';
import { plainMessage } from '../common/actionStyle';

type Params = Record<string, unknown>;

/** Parameter names an analyst would not guess from the schema's identifier. */
const FIELD_WORDS: Record<string, string> = {
  cv_folds: 'Cross-validation folds',
  test_size: 'Held-out share',
  new_column: 'New column name',
  lower_pct: 'Lower percentile',
  upper_pct: 'Upper percentile',
};

const label = (name: string) => {
  if (FIELD_WORDS[name]) return FIELD_WORDS[name];
  const text = name.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** The schema's descriptions are written for the language model too; said here the way a person would read them. */
export const plainHelp = (text: string | undefined) =>
  text
    ?.replace(/\[\] means every other column/g, 'leave empty for every other column')
    .replace(/\bdate_parts\b/g, 'date parts')
    .replace(/\btext_length\b/g, 'text length')
    .replace(/\bregex_extract\b/g, 'pattern extract')
    .replace(/\bcv_folds\b/g, 'cross-validation folds');

/** Parameters that name columns of the data get the dataset's column names as suggestions. */
const namesColumns = (name: string) => ['columns', 'features', 'target', 'from'].includes(name);

/**
 * The step's parameters as form fields, generated from the action's JSON Schema (lists of columns, choices,
 * numbers, words), each with the server's complaint about it right under it.
 */
export function StepForm({
  step,
  stepLabel,
  columns,
  errors,
  onChange,
}: {
  step: PlanStep;
  stepLabel: string;
  columns: string[];
  errors: PlanError[];
  onChange: (step: PlanStep) => void;
}) {
  const schema = ACTION_PARAMS[step.type as ActionType];
  const params = (step.params ?? {}) as Params;
  const set = (name: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined) {
      delete next[name];
    } else {
      next[name] = value;
    }
    onChange({ ...step, params: next } as PlanStep);
  };
  const errorOf = (name: string) =>
    errors
      .filter((e) => e.field === name)
      .map((e) => plainMessage(e.message))
      .join('; ');
  const unknown = Object.keys(params).filter((name) => !(name in schema.properties));

  return (
    <Stack spacing={1.5} sx={{ pt: 1 }}>
      {Object.entries(schema.properties).map(([name, field]) => (
        <Field
          key={name}
          id={`${stepLabel}-${name}`}
          name={name}
          field={field}
          required={schema.required?.includes(name) ?? false}
          value={params[name]}
          columns={columns}
          error={errorOf(name)}
          ariaLabel={`${label(name)} (${stepLabel})`}
          onChange={(value) => set(name, value)}
        />
      ))}
      {unknown.map((name) => (
        <Stack key={name} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="error">
            “{name}” is not a parameter of this action{errorOf(name) ? `: ${errorOf(name)}` : ''}
          </Typography>
          <Button size="small" onClick={() => set(name, undefined)} aria-label={`${stepLabel}: remove ${name}`}>
            Remove it
          </Button>
        </Stack>
      ))}
    </Stack>
  );
}

function Field({
  id,
  name,
  field,
  required,
  value,
  columns,
  error,
  ariaLabel,
  onChange,
}: {
  id: string;
  name: string;
  field: ParamSchema;
  required: boolean;
  value: unknown;
  columns: string[];
  error: string;
  ariaLabel: string;
  onChange: (value: unknown) => void;
}) {
  const help = error || plainHelp(field.description) || ' ';
  const common = { error: Boolean(error), helperText: help, size: 'small' as const, fullWidth: true };
  const title = `${label(name)}${required ? ' *' : ''}`;

  if (field.type === 'array' && field.items?.type === 'object' && field.items.properties) {
    return (
      <ObjectList
        id={id}
        name={name}
        field={field}
        value={value}
        columns={columns}
        error={error}
        ariaLabel={ariaLabel}
        onChange={onChange}
      />
    );
  }
  if (field.type === 'array') {
    const options = field.items?.enum ? [...field.items.enum] : namesColumns(name) ? columns : [];
    const list = Array.isArray(value) ? value.map(String) : [];
    return (
      <Autocomplete
        multiple
        freeSolo={!field.items?.enum}
        autoSelect
        options={options}
        value={list}
        onChange={(_, next) => onChange(next.map(String))}
        renderInput={(input) => (
          <TextField
            {...input}
            {...common}
            label={title}
            placeholder={list.length === 0 ? (namesColumns(name) ? 'type or pick columns' : 'pick') : undefined}
            slotProps={{ ...input.slotProps, htmlInput: { ...input.slotProps.htmlInput, 'aria-label': ariaLabel } }}
          />
        )}
      />
    );
  }
  if (field.type === 'string' && field.enum) {
    return (
      <TextField
        {...common}
        select
        label={title}
        id={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        slotProps={{ select: { native: true }, htmlInput: { 'aria-label': ariaLabel }, inputLabel: { shrink: true } }}
      >
        <option value="">{required ? 'choose…' : 'default'}</option>
        {field.enum.map((option) => (
          <option key={option} value={option}>
            {option.replace(/_/g, ' ')}
          </option>
        ))}
      </TextField>
    );
  }
  if (field.type === 'string' && namesColumns(name)) {
    return (
      <Autocomplete
        freeSolo
        autoSelect
        options={columns}
        value={typeof value === 'string' ? value : ''}
        onInputChange={(_, next, reason) => {
          if (reason !== 'reset') onChange(next);
        }}
        onChange={(_, next) => onChange(next ?? '')}
        renderInput={(input) => (
          <TextField
            {...input}
            {...common}
            label={title}
            slotProps={{ ...input.slotProps, htmlInput: { ...input.slotProps.htmlInput, 'aria-label': ariaLabel } }}
          />
        )}
      />
    );
  }
  if (field.type === 'integer' || field.type === 'number') {
    return (
      <TextField
        {...common}
        type="number"
        label={title}
        id={id}
        value={typeof value === 'number' || typeof value === 'string' ? value : ''}
        onChange={(event) => {
          const text = event.target.value;
          const parsed = Number(text);
          onChange(text === '' ? undefined : Number.isFinite(parsed) ? parsed : text);
        }}
        slotProps={{
          htmlInput: {
            'aria-label': ariaLabel,
            min: field.minimum,
            max: field.maximum,
            step: field.type === 'integer' ? 1 : 'any',
          },
        }}
      />
    );
  }
  if (field.type === 'boolean') {
    return (
      <Box>
        <FormControlLabel
          label={title}
          control={
            <Checkbox
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
              slotProps={{ input: { 'aria-label': ariaLabel } }}
            />
          }
        />
        <FormHelperText error={Boolean(error)}>{help}</FormHelperText>
      </Box>
    );
  }
  return (
    <TextField
      {...common}
      label={title}
      id={id}
      value={typeof value === 'string' ? value : value == null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value === '' && !required ? undefined : event.target.value)}
      slotProps={{ htmlInput: { 'aria-label': ariaLabel, maxLength: field.maxLength, spellCheck: false } }}
    />
  );
}

/** A list of small records (renames: from → to), one row each, rows added and removed by buttons. */
function ObjectList({
  id,
  name,
  field,
  value,
  columns,
  error,
  ariaLabel,
  onChange,
}: {
  id: string;
  name: string;
  field: ParamSchema;
  value: unknown;
  columns: string[];
  error: string;
  ariaLabel: string;
  onChange: (value: unknown) => void;
}) {
  const rows = Array.isArray(value) ? (value as Params[]) : [];
  const properties = Object.entries(field.items?.properties ?? {});
  const update = (index: number, key: string, text: unknown) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: text } : row)));
  return (
    <Box role="group" aria-label={ariaLabel} id={id}>
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {label(name)}
      </Typography>
      <Stack spacing={1}>
        {rows.map((row, index) => (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            {properties.map(([key, item]) => (
              <Field
                key={key}
                id={`${id}-${index}-${key}`}
                name={key}
                field={item}
                required
                value={row[key]}
                columns={columns}
                error=""
                ariaLabel={`${ariaLabel} ${index + 1} ${key}`}
                onChange={(text) => update(index, key, text ?? '')}
              />
            ))}
            <IconButton
              aria-label={`${ariaLabel}: remove row ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <Close fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Button
        size="small"
        startIcon={<Add />}
        sx={{ mt: 0.5 }}
        onClick={() => onChange([...rows, Object.fromEntries(properties.map(([key]) => [key, '']))])}
      >
        Add a row
      </Button>
      <FormHelperText error={Boolean(error)}>{error || plainHelp(field.description)}</FormHelperText>
    </Box>
  );
}
