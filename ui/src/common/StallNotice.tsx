import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';

/** Work that reports nothing for this long is worth a word to the person waiting. */
export const STALL_MS = 2 * 60_000;

/**
 * Says so when work in progress has not reported anything for a while, so nothing seems to spin forever: the
 * page keeps checking, and the person knows how long it has been quiet.
 */
export function StallNotice({ updatedAt, what }: { updatedAt: string; what: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const quiet = now - Date.parse(updatedAt);
  if (!(quiet >= STALL_MS)) {
    return null;
  }
  const minutes = Math.floor(quiet / 60_000);
  return (
    <Alert severity="warning" sx={{ mt: 1.5 }}>
      {what} has reported no progress for {minutes} minute{minutes === 1 ? '' : 's'}. The server may be busy with other
      work; this page keeps checking. If it stays like this, the server's log says why.
    </Alert>
  );
}
