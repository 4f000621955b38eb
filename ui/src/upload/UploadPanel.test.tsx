import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timeouts } from '../lib/client';
import { renderWithQueries } from '../test/render';
import { UploadPanel } from './UploadPanel';

type Script = {
  progress?: number[];
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  never?: boolean;
};

/** A stand-in for the browser's XMLHttpRequest that answers as the api would, reporting upload progress. */
function fakeXhr(script: Script) {
  const sent: FormData[] = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private aborted = false;
    open() {}
    setRequestHeader() {}
    getResponseHeader(name: string) {
      return script.headers?.[name] ?? null;
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
    send(form: FormData) {
      sent.push(form);
      const steps = script.progress ?? [100];
      steps.forEach((loaded, i) =>
        setTimeout(
          () => !this.aborted && this.upload.onprogress?.({ lengthComputable: true, loaded, total: 100 }),
          5 * i,
        ),
      );
      if (!script.never) {
        setTimeout(
          () => {
            if (this.aborted) return;
            this.status = script.status ?? 202;
            this.responseText = JSON.stringify(script.body ?? {});
            this.onload?.();
          },
          5 * steps.length + 10,
        );
      }
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

const csv = () => new File(['PassengerId,Survived\n1,0\n'], 'titanic.csv', { type: 'text/csv' });

describe('UploadPanel', () => {
  const defaults = { ...timeouts };
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(() => Object.assign(timeouts, defaults));

  it('offers CSV, compressed CSV, Excel and Parquet files in the picker', () => {
    renderWithQueries(<UploadPanel />);

    const accept = screen.getByLabelText('CSV file').getAttribute('accept') ?? '';
    expect(accept.split(',')).toEqual(expect.arrayContaining(['.csv', '.xlsx', '.gz', '.zip', '.parquet']));
    expect(screen.getByRole('heading', { name: 'Drop a CSV, Excel or Parquet file here' })).toBeInTheDocument();
  });

  it('sends the chosen file as the part "file" and opens its page', async () => {
    const sent = fakeXhr({
      status: 202,
      body: { job_id: 'j-42', file_name: 'titanic.csv', status_url: '/api/v1/jobs/j-42/status' },
    });
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);

    await user.upload(screen.getByLabelText('CSV file'), csv());

    await vi.waitFor(() => expect(window.location.pathname).toBe('/jobs/j-42'));
    expect((sent[0].get('file') as File).name).toBe('titanic.csv');
  });

  it('sends no reading options unless the person gives some', async () => {
    const sent = fakeXhr({
      status: 202,
      body: { job_id: 'j-1', file_name: 'titanic.csv', status_url: '/api/v1/jobs/j-1/status' },
    });
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);

    await user.upload(screen.getByLabelText('CSV file'), csv());

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect([...sent[0].keys()]).toEqual(['file']);
  });

  it('sends the words read as missing, the sheet and the encoding the person typed', async () => {
    const sent = fakeXhr({
      status: 202,
      body: { job_id: 'j-2', file_name: 'titanic.csv', status_url: '/api/v1/jobs/j-2/status' },
    });
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);

    await user.click(screen.getByRole('button', { name: 'Reading options' }));
    await user.type(await screen.findByRole('textbox', { name: 'Words read as missing' }), ' NA, -,, unknown ');
    await user.type(screen.getByRole('textbox', { name: 'Sheet' }), 'Data');
    await user.type(screen.getByRole('textbox', { name: 'Text encoding' }), 'windows-1252');
    await user.upload(screen.getByLabelText('CSV file'), csv());

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(JSON.parse(sent[0].get('missingMarkers') as string)).toEqual(['NA', '-', 'unknown']);
    expect(sent[0].get('sheet')).toBe('Data');
    expect(sent[0].get('encoding')).toBe('windows-1252');
  });

  it('can read every word as a value, so a column of "None" keeps its meaning', async () => {
    const sent = fakeXhr({
      status: 202,
      body: { job_id: 'j-3', file_name: 'titanic.csv', status_url: '/api/v1/jobs/j-3/status' },
    });
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);

    await user.click(screen.getByRole('button', { name: 'Reading options' }));
    await user.type(await screen.findByRole('textbox', { name: 'Words read as missing' }), 'NA');
    await user.click(screen.getByRole('checkbox', { name: /Only empty cells are missing/ }));
    await user.upload(screen.getByLabelText('CSV file'), csv());

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].get('missingMarkers')).toBe('[]');
  });

  it('shows how far the upload has got', async () => {
    fakeXhr({ progress: [50], never: true });
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);

    await user.upload(screen.getByLabelText('CSV file'), csv());

    await vi.waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute('aria-valuenow', '50'),
    );
    expect(screen.getByText(/Uploading/)).toHaveTextContent('Uploading titanic.csv (25 B)… 50 %');
    expect(screen.getByRole('button', { name: 'Choose a CSV file' })).toBeDisabled();
  });

  it('shows the reason the server gave for refusing a file, and lets the person pick another', async () => {
    fakeXhr({
      status: 415,
      body: { title: 'Not a CSV file', status: 415, detail: "'report.xlsx' is not a CSV file: it is a PDF document" },
    });
    // A dropped file is not filtered by the picker's accept list: the server is the judge.
    const user = userEvent.setup({ applyAccept: false });
    renderWithQueries(<UploadPanel />);

    await user.upload(screen.getByLabelText('CSV file'), new File(['%PDF'], 'report.xlsx'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not a CSV file');
    expect(alert).toHaveTextContent('it is a PDF document');
    expect(screen.getByRole('button', { name: 'Choose a CSV file' })).toBeEnabled();
    expect(window.location.pathname).toBe('/');
  });

  it('says when a file is too large', async () => {
    fakeXhr({
      status: 413,
      body: { title: 'File too large', status: 413, detail: 'big.csv is 250 MB; the largest upload is 200 MB.' },
    });
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);

    await user.upload(screen.getByLabelText('CSV file'), csv());

    expect(await screen.findByRole('alert')).toHaveTextContent('the largest upload is 200 MB');
  });

  it('uploads a dropped file', async () => {
    fakeXhr({ status: 202, body: { job_id: 'j-7', status_url: '/api/v1/jobs/j-7/status' } });
    const { fireEvent } = await import('@testing-library/react');
    renderWithQueries(<UploadPanel />);

    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [csv()] } });

    await vi.waitFor(() => expect(window.location.pathname).toBe('/jobs/j-7'));
  });

  it('can be cancelled, and says the file was not uploaded', async () => {
    fakeXhr({ progress: [10], never: true });
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);
    await user.upload(screen.getByLabelText('CSV file'), csv());

    await user.click(await screen.findByRole('button', { name: 'Cancel' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('titanic.csv was not uploaded');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('gives up on an upload that stops moving instead of spinning forever', async () => {
    timeouts.uploadStall = 50;
    fakeXhr({ progress: [10], never: true });
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);

    await user.upload(screen.getByLabelText('CSV file'), csv());

    expect(await screen.findByRole('alert')).toHaveTextContent('The upload stalled');
    expect(screen.getByRole('button', { name: 'Choose a CSV file' })).toBeEnabled();
  });

  it('says so when the server cannot be reached', async () => {
    class Offline {
      upload = {};
      onerror: (() => void) | null = null;
      open() {}
      setRequestHeader() {}
      send() {
        setTimeout(() => this.onerror?.(), 0);
      }
    }
    vi.stubGlobal('XMLHttpRequest', Offline);
    const user = userEvent.setup();
    renderWithQueries(<UploadPanel />);

    await user.upload(screen.getByLabelText('CSV file'), csv());

    expect(await screen.findByRole('alert')).toHaveTextContent('Assay cannot be reached');
  });
});
