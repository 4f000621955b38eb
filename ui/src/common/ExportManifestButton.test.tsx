import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/client';
import { type Saved, watchSaves } from '../test/saves';
import { ExportManifestButton } from './ExportManifestButton';

describe('ExportManifestButton', () => {
  let saved: Saved[];
  let restore: () => void;
  beforeEach(() => {
    ({ saved, restore } = watchSaves());
  });
  afterEach(() => restore());

  it('saves the manifest the api made under the name the api gave, and says what it is for', async () => {
    const yaml = 'apiVersion: "assay.dev/v1alpha1"\nkind: "AssistantRun"\n';
    const load = vi.fn(async () => ({
      blob: new Blob([yaml], { type: 'application/yaml' }),
      fileName: 'titanic-r-1.yaml',
    }));
    render(<ExportManifestButton load={load} />);

    const button = screen.getByRole('button', { name: /^Export as manifest/ });
    expect(button).toHaveAccessibleDescription(/kubectl apply -f/);
    await userEvent.click(button);

    expect(load).toHaveBeenCalledTimes(1);
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('titanic-r-1.yaml');
    expect(await saved[0].blob.text()).toBe(yaml);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows the api's refusal instead of saving anything", async () => {
    const load = vi.fn(async () => {
      throw new ApiError(422, 'Invalid plan', '1 problem in the plan: step 1 (impute): columns: no column Agee');
    });
    render(<ExportManifestButton load={load} />);

    await userEvent.click(screen.getByRole('button', { name: /^Export as manifest/ }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The manifest could not be made');
    expect(alert).toHaveTextContent('no column Agee');
    expect(saved).toHaveLength(0);
  });

  it('does nothing while disabled', () => {
    render(<ExportManifestButton load={vi.fn()} disabled />);
    expect(screen.getByRole('button', { name: /^Export as manifest/ })).toBeDisabled();
  });
});
