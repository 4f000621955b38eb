import type { TaskState } from '../lib/types';

/** Work that has not ended yet: the pages that show it keep asking for news. */
export const inProgress = (status: TaskState) => status === 'queued' || status === 'running';
