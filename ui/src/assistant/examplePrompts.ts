import type { ProfileSummary, VariableSummary } from '../lib/types';

/** Names that usually mean "what to predict". */
const TARGET_WORDS =
  /^(target|label|class|outcome|y|survived|species|price|churn|default|diagnosis|quality|total|tip|mpg|result)$/i;

/** A column share of missing cells above which filling would invent most of it. */
const SPARSE = 0.3;

function likelyTarget(profile: ProfileSummary): VariableSummary | undefined {
  const usable = profile.variables.filter(
    (v) => v.type !== 'identifier' && v.type !== 'text' && v.missing < profile.rows / 2,
  );
  return (
    usable.find((v) => TARGET_WORDS.test(v.name)) ??
    [...usable].reverse().find((v) => v.type === 'boolean' || (v.type === 'categorical' && v.distinct <= 10)) ??
    usable[usable.length - 1]
  );
}

/**
 * Example requests written from this dataset's profile (never another dataset's column names): a model on a
 * likely target, what to do with the sparse columns, and a skewed column.
 */
export function examplePrompts(profile: ProfileSummary | null | undefined): string[] {
  if (!profile) {
    return ['Clean this data'];
  }
  const examples: string[] = [];
  const target = likelyTarget(profile);
  if (target) {
    const kind = target.type === 'numeric' && target.distinct > 10 ? 'a regression' : 'a classifier';
    examples.push(`Fill missing values and train ${kind} on ${target.name}`);
  }
  const sparse = profile.variables
    .filter((v) => profile.rows > 0 && v.missing / profile.rows >= SPARSE)
    .map((v) => v.name);
  if (sparse.length > 0) {
    examples.push(`Drop ${sparse.slice(0, 3).join(', ')}, which ${sparse.length === 1 ? 'is' : 'are'} mostly empty`);
  }
  const skewed = profile.alerts.find((a) => a.type === 'skewed' && a.column);
  if (skewed) {
    examples.push(`Log-transform ${skewed.column}, which is skewed`);
  }
  examples.push('Drop the identifier columns, one-hot encode the categories and scale the numbers');
  return examples.slice(0, 3);
}
