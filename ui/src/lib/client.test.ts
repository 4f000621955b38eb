import { describe, expect, it } from 'vitest';
import { attachmentName } from './client';

describe('api client', () => {
  it('saves a download under the name the api gives, never under a path', () => {
    expect(attachmentName('attachment; filename="titanic-r-1.yaml"', 'x.yaml')).toBe('titanic-r-1.yaml');
    expect(
      attachmentName(
        'attachment; filename="=?UTF-8?Q?=C3=A9t=C3=A9-r-1.yaml?="; filename*=UTF-8\'\'%C3%A9t%C3%A9-r-1.yaml',
        'x.yaml',
      ),
    ).toBe('été-r-1.yaml');
    expect(attachmentName('attachment; filename="../../etc/passwd"', 'x.yaml')).toBe('passwd');
    expect(attachmentName(null, 'assistantrun.yaml')).toBe('assistantrun.yaml');
  });
});
