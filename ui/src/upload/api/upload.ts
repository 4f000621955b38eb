import { ApiError, problemFrom, timeouts, unreachable } from '../../lib/client';
import type { Accepted } from '../../lib/types';

/** An upload in progress: its outcome, and a way to stop it. */
export interface Upload {
  done: Promise<Accepted>;
  cancel: () => void;
}

/**
 * How the api should read a file; every field left out keeps the api's default (first sheet, detected encoding,
 * the default words read as missing). `missingMarkers: []` reads every word as a value.
 */
export interface ReadingOptions {
  sheet?: string;
  encoding?: string;
  missingMarkers?: string[];
}

/** POST /upload, with progress (fetch cannot report upload progress, XMLHttpRequest can). */
export function uploadFile(file: File, onProgress: (percent: number) => void, options: ReadingOptions = {}): Upload {
  const xhr = new XMLHttpRequest();
  let stall: ReturnType<typeof setTimeout> | undefined;
  let stalled = false;
  const done = new Promise<Accepted>((resolve, reject) => {
    const watch = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        stalled = true;
        xhr.abort();
      }, timeouts.uploadStall);
    };
    xhr.open('POST', '/api/v1/upload');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      watch();
      if (event.lengthComputable && event.total > 0) {
        onProgress(Math.min(100, Math.round((100 * event.loaded) / event.total)));
      }
    };
    xhr.onload = () => {
      clearTimeout(stall);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300 && typeof body.job_id === 'string') {
        resolve(body as unknown as Accepted);
      } else if (xhr.status >= 200 && xhr.status < 300) {
        reject(
          new ApiError(xhr.status, 'Unexpected answer', 'The server accepted the file but did not say where it went.'),
        );
      } else {
        reject(problemFrom(xhr.status, body, xhr.getResponseHeader?.('Retry-After') ?? null));
      }
    };
    xhr.onerror = () => {
      clearTimeout(stall);
      reject(unreachable());
    };
    xhr.onabort = () => {
      clearTimeout(stall);
      reject(
        stalled
          ? new ApiError(
              0,
              'The upload stalled',
              `Nothing was sent for ${Math.round(timeouts.uploadStall / 1000)} s. Check your connection and try again.`,
            )
          : new ApiError(0, 'Upload cancelled', `${file.name} was not uploaded.`),
      );
    };
    const form = new FormData();
    form.append('file', file);
    if (options.sheet) form.append('sheet', options.sheet);
    if (options.encoding) form.append('encoding', options.encoding);
    if (options.missingMarkers) form.append('missingMarkers', JSON.stringify(options.missingMarkers));
    watch();
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}
